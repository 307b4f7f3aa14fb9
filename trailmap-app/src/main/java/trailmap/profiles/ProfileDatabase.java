package trailmap.profiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import trailmap.store.Database;
import trailmap.store.StoreException;

/**
 * {@code DATA_DIR/profiles.db}: its own SQLite file (WAL), so its migrations never collide with
 * {@code trailmap.db}'s, opened through {@link Database} (one connection behind a lock: the
 * processor is the only writer and API reads are short; the flow runtime's reads go beside it on a
 * second, read-only connection). {@code secure_delete} is on for the connection from the start, as
 * in flows.db.
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
              "INSERT INTO processor (id, position) VALUES (1, 0)"),
          // How many events a deletion erased: a count, never which.
          List.of("ALTER TABLE deletions ADD COLUMN events INTEGER NOT NULL DEFAULT 0"),
          // What a deletion still has to erase outside profiles.db: ids and hashes only.
          List.of(
              """
              CREATE TABLE pending_erasures (
                profile_id TEXT NOT NULL,
                erased_id TEXT NOT NULL,
                PRIMARY KEY (profile_id, erased_id)
              )""",
              """
              CREATE TABLE pending_erasure_refs (
                ref_hash TEXT NOT NULL,
                profile_id TEXT NOT NULL,
                PRIMARY KEY (ref_hash, profile_id)
              )"""));

  private final Database db;
  private final Path marker;

  private ProfileDatabase(Database db, Path marker) {
    this.db = db;
    this.marker = marker;
  }

  /**
   * Opens {@code DATA_DIR/profiles.db}.
   *
   * <p>It runs with {@code synchronous = OFF}: everything here is derived from the event log, and
   * the position commits with the work, so losing the last commits only means those events are
   * applied again. SQLite's fsyncs made the profile processor four times slower and, sharing the
   * disk with the event log, tripled the tail latency of acknowledgements. The price: an OS crash
   * or power loss may corrupt the file. So a marker file says the database is open; found at start
   * (the last run did not close it), {@code PRAGMA quick_check} runs, and a damaged file is moved
   * aside and rebuilt from the log from position 0, with a WARN line.
   */
  static ProfileDatabase open(Path dataDir) {
    Path file = dataDir.resolve("profiles.db");
    Path marker = dataDir.resolve("profiles.db.open");
    if (Files.exists(marker) && Files.exists(file)) {
      UncleanStop.checkOrSetAside(file);
    }
    // A value deleted or rewritten at any time (a merge moves a profile's rows, a page split moves
    // cells) leaves zeros, not a copy, in the file's free space: Database.open turns secure_delete
    // on for the connection, so a later erasure of the person removes every copy.
    Database db = Database.open(file, STEPS, Database.Synchronous.OFF);
    try {
      Files.writeString(marker, "profiles.db is open; removed when it is closed cleanly\n");
    } catch (IOException e) {
      db.close();
      throw new StoreException("cannot write " + marker, e);
    }
    return new ProfileDatabase(db, marker);
  }

  Path file() {
    return db.file();
  }

  /** Runs {@code work} alone on the connection, each statement atomic. */
  <T> T read(Database.Work<T> work) {
    return db.read(work);
  }

  /** {@link Database#snapshot}: a read that neither waits for the processor nor holds it up. */
  <T> T snapshot(Database.Work<T> work) {
    return db.snapshot(work);
  }

  /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
  <T> T transaction(Database.Work<T> work) {
    return db.transaction(work);
  }

  /**
   * Runs a WAL checkpoint that is synced to disk even though commits are not: for a deletion, which
   * a power loss must not undo.
   */
  void durableCheckpoint() {
    synchronous("FULL");
    try {
      db.checkpointTruncate();
    } finally {
      synchronous("OFF");
    }
  }

  private void synchronous(String level) {
    db.read(
        c -> {
          try (Statement pragma = c.createStatement()) {
            return pragma.execute("PRAGMA synchronous = " + level);
          }
        });
  }

  @Override
  public void close() {
    db.close();
    try {
      Files.deleteIfExists(marker);
    } catch (IOException e) {
      // The next start will only run a quick_check it did not need.
    }
  }
}
