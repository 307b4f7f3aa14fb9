package trailmap.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import trailmap.store.Database;
import trailmap.store.StoreException;

/**
 * {@code DATA_DIR/profiles.db}: its own SQLite file (WAL), so its migrations never collide with
 * {@code trailmap.db}'s. One connection behind a lock, as {@link Database} does: the processor is
 * the only writer and API reads are short.
 */
final class ProfileDatabase implements AutoCloseable {
  /** Append-only schema steps; {@code PRAGMA user_version} counts the steps applied. */
  private static final List<List<String>> STEPS =
      List.of(
          List.of(
              """
              CREATE TABLE profiles (
                id TEXT PRIMARY KEY,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL
              )""",
              """
              CREATE TABLE identities (
                type TEXT NOT NULL,
                value TEXT NOT NULL,
                profile_id TEXT NOT NULL,
                message_id TEXT NOT NULL,
                event_time TEXT NOT NULL,
                PRIMARY KEY (type, value)
              )""",
              "CREATE INDEX identities_by_profile ON identities(profile_id)",
              """
              CREATE TABLE merges (
                id INTEGER PRIMARY KEY,
                profile_id TEXT NOT NULL,
                absorbed_id TEXT NOT NULL,
                identities TEXT NOT NULL,
                message_id TEXT NOT NULL,
                event_time TEXT NOT NULL,
                position INTEGER NOT NULL
              )""",
              "CREATE INDEX merges_by_profile ON merges(profile_id)",
              "CREATE INDEX merges_by_absorbed ON merges(absorbed_id)",
              """
              CREATE TABLE traits (
                id INTEGER PRIMARY KEY,
                profile_id TEXT NOT NULL,
                name TEXT NOT NULL,
                value TEXT NOT NULL,
                event_sec INTEGER NOT NULL,
                event_nano INTEGER NOT NULL,
                position INTEGER NOT NULL,
                message_id TEXT NOT NULL
              )""",
              "CREATE INDEX traits_by_profile ON traits(profile_id)",
              """
              CREATE TABLE events (
                position INTEGER PRIMARY KEY,
                profile_id TEXT NOT NULL,
                message_id TEXT NOT NULL,
                type TEXT NOT NULL,
                name TEXT NOT NULL,
                channel TEXT NOT NULL,
                event_sec INTEGER NOT NULL,
                event_nano INTEGER NOT NULL,
                json TEXT NOT NULL
              )""",
              "CREATE INDEX events_by_profile ON events(profile_id, event_sec, event_nano, position)",
              """
              CREATE TABLE deletions (
                id_hash TEXT NOT NULL,
                deleted_at TEXT NOT NULL
              )""",
              """
              CREATE TABLE processor (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                position INTEGER NOT NULL
              )""",
              "INSERT INTO processor (id, position) VALUES (1, 0)"));

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private ProfileDatabase(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  static ProfileDatabase open(Path dataDir) {
    Path file = dataDir.resolve("profiles.db").toAbsolutePath();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException("cannot create the data directory " + dataDir.toAbsolutePath(), e);
    }
    try {
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode = WAL");
        statement.execute("PRAGMA busy_timeout = 5000");
        // NORMAL, not FULL: everything here is derived from the event log, and the position
        // commits with the work, so a power loss that drops the last commits only means those
        // events are applied again from the log.
        statement.execute("PRAGMA synchronous = NORMAL");
      }
      migrate(connection, file);
      return new ProfileDatabase(file, connection);
    } catch (SQLException e) {
      throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
    }
  }

  private static void migrate(Connection connection, Path file) throws SQLException {
    int version;
    try (Statement statement = connection.createStatement();
        var rows = statement.executeQuery("PRAGMA user_version")) {
      version = rows.next() ? rows.getInt(1) : 0;
    }
    if (version > STEPS.size()) {
      throw new SQLException(
          file
              + " has schema version "
              + version
              + ", newer than this Trailmap understands ("
              + STEPS.size()
              + "); use a newer Trailmap or another --data directory");
    }
    for (int step = version; step < STEPS.size(); step++) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String sql : STEPS.get(step)) {
          statement.execute(sql);
        }
        statement.execute("PRAGMA user_version = " + (step + 1));
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  Path file() {
    return file;
  }

  /** Runs {@code work} alone on the connection, each statement atomic. */
  <T> T read(Database.Work<T> work) {
    lock.lock();
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
  <T> T transaction(Database.Work<T> work) {
    lock.lock();
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the database " + file, e);
    } finally {
      lock.unlock();
    }
  }
}
