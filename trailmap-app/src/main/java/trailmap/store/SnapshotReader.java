package trailmap.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A second, read-only connection to a {@link Database}'s file, for reads that must not wait for its
 * writer: each {@link #read} runs in one read transaction, so it sees the file as the last commit
 * before it left it, whatever the writer commits meanwhile (WAL mode lets one writer and readers go
 * on together). The writer's connection is held by one caller at a time; before this, the flow
 * statistics of a big flow held it for seconds and the flow thread stood still, and every profile
 * read of the flow runtime waited for the profile processor's batch commits
 * (trailmap-bench/README.md, session 12).
 *
 * <p>Opened on first use and closed with its database. One read at a time, behind its own lock. The
 * connection is {@code query_only}: a write through it fails instead of bypassing the writer's lock
 * and sync level.
 */
final class SnapshotReader implements AutoCloseable {
  private final Path file;
  private final ReentrantLock lock = new ReentrantLock();
  private Connection connection; // guarded by lock; null until the first read and after close
  private Statement control; // guarded by lock; begins and ends the reads on connection
  private boolean closed; // guarded by lock

  SnapshotReader(Path file) {
    this.file = file;
  }

  <T> T read(Database.Work<T> work) {
    lock.lock();
    try {
      Connection c = connection();
      // BEGIN and ROLLBACK of its own rather than JDBC's setAutoCommit(false), rollback() and
      // setAutoCommit(true), which run four statements per read (the driver begins a new
      // transaction after each rollback): the flow runtime reads a profile per event and timer.
      control.execute("BEGIN");
      try {
        return work.run(c);
      } finally {
        // Ends the read transaction, so the WAL's older frames can be checkpointed past it.
        control.execute("ROLLBACK");
      }
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private Connection connection() throws SQLException {
    if (closed) {
      throw new StoreException("database " + file + " is closed", null);
    }
    if (connection == null) {
      Connection c = Database.connect(file);
      try (Statement statement = c.createStatement()) {
        statement.execute("PRAGMA query_only = ON");
        Database.configure(statement);
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      connection = c;
      control = c.createStatement();
    }
    return connection;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (connection != null) {
        StatementCache.forget(connection);
        control.close();
        connection.close();
        connection = null;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot close the reader of " + file, e);
    } finally {
      lock.unlock();
    }
  }
}
