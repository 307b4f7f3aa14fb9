package trailmap.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite database under a data directory ({@code DIR/trailmap.db}), opened in WAL mode and
 * migrated to the latest schema on {@link #open}.
 *
 * <p>Thread-safety: one connection, used by one caller at a time behind a lock. The state kept here
 * is small and its writes are short, so serialising them costs little and rules out SQLite's
 * "database is locked" errors between our own connections. A {@link ReentrantLock} rather than
 * {@code synchronized} so virtual threads waiting for it do not pin their carrier.
 *
 * <pre>{@code
 * try (Database db = Database.open(Path.of("trailmap-data"))) {
 *   MapStore maps = new MapStore(db, Clock.systemUTC());
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** Work on the connection; may throw {@link SQLException}, which becomes a StoreException. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Path file;
  private final Connection connection;
  private final Synchronous synchronous;
  private final ReentrantLock lock = new ReentrantLock();

  /** Held by every checkpoint of the file: {@link #checkpointTruncate} and the background ones. */
  private final ReentrantLock checkpointLock = new ReentrantLock();

  /** Copies the WAL back into the file off the writers' commits; null while SQLite does it. */
  private volatile WalCheckpointer checkpointer;

  /** The second connection of {@link #snapshot}, opened on first use. */
  private final SnapshotReader snapshots;

  /** Counts the commits {@link #transactionSyncedLater} made; see {@link #sync}. */
  private final AtomicLong unsyncedCommits = new AtomicLong();

  /**
   * {@link #unsyncedCommits} as of the last {@link #sync}'s fsync; guarded by {@link #syncLock}.
   */
  private long syncedUpTo;

  /** One {@link #sync} at a time; never the connection's {@link #lock}, so writers go on. */
  private final ReentrantLock syncLock = new ReentrantLock();

  /**
   * Where SQLite keeps the WAL: beside the real file, also when {@link #file} is a symbolic link to
   * it (SQLite follows the link).
   */
  private final Path wal;

  /**
   * The WAL's index, beside the WAL: its header counts the WAL's frames ({@link WalCheckpointer}).
   */
  private final Path shm;

  /** Whether {@link #sync} has fsynced the WAL's directory once since the open (a new file). */
  private boolean walDirectorySynced;

  private Database(Path file, Connection connection, Synchronous synchronous) throws IOException {
    this.file = file;
    this.connection = connection;
    this.synchronous = synchronous;
    this.snapshots = new SnapshotReader(file);
    Path real = file.toRealPath();
    this.wal = real.resolveSibling(real.getFileName() + "-wal");
    this.shm = real.resolveSibling(real.getFileName() + "-shm");
  }

  /**
   * Opens (creating when absent) {@code dataDir/trailmap.db} and brings its schema up to date.
   *
   * @throws StoreException when the directory cannot be created or the file is not a usable
   *     database; the message names the file
   */
  public static Database open(Path dataDir) {
    // FULL: a save answered 201 survives a power loss too (WAL + NORMAL may lose the last
    // commits). Map and key writes are rare, so the extra fsync costs nothing that matters.
    return open(dataDir.resolve("trailmap.db"), Migrations.STEPS, Synchronous.FULL);
  }

  /** How hard SQLite syncs a commit to disk in WAL mode (SQLite's {@code PRAGMA synchronous}). */
  public enum Synchronous {
    /**
     * Never fsyncs: survives an application crash (kill -9), but an OS crash or power loss may
     * corrupt the file. Only for a database that can be rebuilt from a durable source.
     */
    OFF,
    /** Survives an application crash; a power loss may drop the last commits. */
    NORMAL,
    /** Survives a power loss too, at one more fsync per commit. */
    FULL
  }

  /**
   * Opens (creating when absent) a SQLite file in WAL mode and applies the schema {@code steps} it
   * has not seen yet ({@code PRAGMA user_version} counts them). For capabilities that keep their
   * own database file, so their migrations never collide with {@code trailmap.db}'s.
   *
   * @param steps append-only: step n moves the schema from version n-1 to n
   * @throws StoreException when the directory cannot be created or the file is not a usable
   *     database; the message names the file
   */
  public static Database open(Path file, List<List<String>> steps, Synchronous synchronous) {
    return open(file, steps, synchronous, DEFAULT_PAGE_BYTES);
  }

  /** SQLite's own default page size, which every file but flows.db keeps. */
  public static final int DEFAULT_PAGE_BYTES = 4096;

  /**
   * As {@link #open(Path, List, Synchronous)}, with pages of {@code pageBytes} (a power of two,
   * 512..65536) when the file is new. An existing file keeps the page size it was created with: in
   * WAL mode SQLite ignores the setting, and changing it would need a VACUUM of the whole file.
   */
  public static Database open(
      Path file, List<List<String>> steps, Synchronous synchronous, int pageBytes) {
    if (pageBytes < 512 || pageBytes > 65536 || Integer.bitCount(pageBytes) != 1) {
      throw new IllegalArgumentException(
          "a SQLite page size is a power of two from 512 to 65536, was " + pageBytes);
    }
    Path absolute = file.toAbsolutePath();
    Path dataDir = absolute.getParent();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StoreException("cannot create the data directory " + dataDir, e);
    }
    try {
      Connection connection = connect(absolute);
      try (Statement statement = connection.createStatement()) {
        // Before WAL mode and the first table: only a new, empty file takes a page size.
        statement.execute("PRAGMA page_size = " + pageBytes);
        statement.execute("PRAGMA journal_mode = WAL");
        statement.execute("PRAGMA foreign_keys = ON");
        statement.execute("PRAGMA synchronous = " + synchronous.name());
        // Deleted and rewritten content is overwritten with zeros, not left in free pages: an
        // erasure then removes every copy of a person, also those a page split, a rewrite or a
        // schema step's rebuilt table left behind. Before the migrations, so a step that drops a
        // table frees zeroed pages. Kept per connection by SQLite, not in the file; it cost nothing
        // measurable on flows.db (trailmap-bench/README.md).
        statement.execute("PRAGMA secure_delete = ON");
        // Checkpoint every 16,384 pages of WAL instead of every 1,000 (64 MB at 4 KB pages, 256 MB
        // at flows.db's 16 KB): a page changed by many commits (an index page of a busy profile)
        // is then copied back and fsynced once, not each time.
        statement.execute("PRAGMA wal_autocheckpoint = 16384");
        configure(statement);
      }
      Migrations.apply(connection, absolute.toString(), steps);
      return new Database(absolute, connection, synchronous);
    } catch (SQLException | IOException e) {
      throw new StoreException("cannot open the database " + absolute + ": " + e.getMessage(), e);
    }
  }

  /**
   * A new connection to {@code file}. Without {@code jdbc.get_generated_keys = false} the driver
   * runs "SELECT last_insert_rowid()" after every insert, a prepared query per row that was a sixth
   * of the profile processor's time; nothing reads the keys.
   */
  static Connection connect(Path file) throws SQLException {
    Properties settings = new Properties();
    settings.setProperty("jdbc.get_generated_keys", "false");
    return DriverManager.getConnection("jdbc:sqlite:" + file, settings);
  }

  /**
   * The settings every connection to a store's file gets, the writer's and the {@link #snapshot}
   * reader's alike.
   */
  static void configure(Statement statement) throws SQLException {
    statement.execute("PRAGMA busy_timeout = 5000");
    // SQLite's default page cache is 2 MB: with a profile store of hundreds of MB every identity
    // lookup became a pread. 64 MB of cache and reads through a memory map keep the hot pages in
    // memory; both are upper bounds, not allocations.
    statement.execute("PRAGMA cache_size = -65536");
    statement.execute("PRAGMA mmap_size = 1073741824");
    // A statement inside a transaction that can fail half-way (an upsert, a trigger's statements)
    // keeps the pages it changes in a statement journal, to undo itself alone. SQLite spills that
    // journal to a temporary file past 64 KiB: 4 pages of 16 KB, so nearly every such statement on
    // flows.db opened, wrote and deleted a file (127 MB written there in 3 s of timers, against 14
    // MB to the WAL). In memory it stays a few pages per statement; sorts and temporary indexes of
    // the statistics live in memory too.
    statement.execute("PRAGMA temp_store = MEMORY");
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /** Runs {@code work} alone on the connection (auto-commit: each statement is atomic). */
  public <T> T read(Work<T> work) {
    lock.lock();
    try {
      T result = work.run(connection);
      committed(); // a statement of it may have written
      return result;
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs read-only {@code work} in one read transaction on a second connection, without waiting for
   * this database's writers or holding them up: it sees every commit made before it started and
   * none made while it runs ({@link SnapshotReader}). For reads that can take long (statistics) or
   * that must not queue behind another thread's big transactions; a caller inside a {@link
   * #transaction} of its own would not see its uncommitted writes here. A write fails.
   */
  public <T> T snapshot(Work<T> work) {
    return snapshots.read(work);
  }

  /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
  public <T> T transaction(Work<T> work) {
    lock.lock();
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        committed();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        // An Error too: switching auto-commit back on below would commit the partial work.
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

  /**
   * {@link #transaction} committed without waiting for the disk (SQLite's {@code synchronous =
   * NORMAL} for this one commit): it survives an application crash (kill -9) at once, and a power
   * loss once {@link #sync} has run after it. For work that can be done again after a power loss
   * because nothing outside the database has seen it yet: whoever acts on it outside (a sender
   * handing a message to its provider) calls {@link #sync} first. One fsync then covers every
   * commit before it, and it is paid on the caller's thread, not under the connection's lock. Where
   * the database never syncs ({@link Synchronous#OFF}) this is {@link #transaction}. Never call it
   * inside another transaction: SQLite cannot change the level there, and the call fails.
   */
  public <T> T transactionSyncedLater(Work<T> work) {
    if (synchronous == Synchronous.OFF) {
      return transaction(work);
    }
    lock.lock();
    try {
      synchronous(Synchronous.NORMAL);
      Throwable failure = null;
      try {
        return transaction(work);
      } catch (RuntimeException | Error e) {
        failure = e;
        throw e;
      } finally {
        // Counted whether or not it failed: one counted too many costs an fsync, one missed would
        // let sync() skip a commit (the driver commits when auto-commit is switched back on).
        unsyncedCommits.incrementAndGet();
        restore(failure);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Puts the connection back to its own level after {@link #transactionSyncedLater}. A connection
   * that cannot be put back (SQLite refuses inside an open transaction) is closed, so that no later
   * write commits without the fsync its caller counts on; it fails loudly instead.
   */
  private void restore(Throwable failure) {
    try {
      synchronous(synchronous);
    } catch (StoreException e) {
      try {
        connection.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      if (failure != null) {
        failure.addSuppressed(e);
        return;
      }
      throw new StoreException(
          "database " + file + " was closed: its sync level could not be restored", e);
    }
  }

  private void synchronous(Synchronous level) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA synchronous = " + level.name());
    } catch (SQLException e) {
      throw new StoreException("database " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Makes every commit of {@link #transactionSyncedLater} made so far survive a power loss; returns
   * whether it had to (false when none was unsynced). It fsyncs the WAL file ({@code FILE-wal},
   * where SQLite appends each commit's pages before the commit returns), so it holds no lock that
   * writers wait for. A commit's pages are either still in that file, or a checkpoint has copied
   * them into the database file, and SQLite syncs both files around every checkpoint.
   */
  public boolean sync() {
    syncLock.lock();
    try {
      long upTo = unsyncedCommits.get();
      if (upTo == syncedUpTo) {
        return false;
      }
      try (FileChannel channel = FileChannel.open(wal)) {
        channel.force(false);
        if (!walDirectorySynced) {
          // The WAL may be new since the open: its directory entry must reach the disk too.
          try (FileChannel directory = FileChannel.open(wal.getParent())) {
            directory.force(true);
          } catch (IOException e) {
            // Some systems (Windows) cannot open a directory; SQLite does not sync one there
            // either.
            LOG.warn("cannot sync the directory of {}: {}", wal, e.toString());
          }
          walDirectorySynced = true;
        }
      } catch (NoSuchFileException gone) {
        // SQLite keeps the WAL while the connection is open: gone means the commits are not where
        // this looks, so nothing may be called synced.
        throw new StoreException("cannot sync " + wal + ": the file is not there", gone);
      } catch (IOException e) {
        throw new StoreException("cannot sync " + wal + " to disk: " + e.getMessage(), e);
      }
      syncedUpTo = upTo;
      return true;
    } finally {
      syncLock.unlock();
    }
  }

  /** How many commits {@link #sync} has still to make durable (0 once it has run). */
  public long unsynced() {
    syncLock.lock();
    try {
      return unsyncedCommits.get() - syncedUpTo;
    } finally {
      syncLock.unlock();
    }
  }

  /**
   * Copies the whole WAL into the file and empties it, so no older image of a page is left in
   * either (what an erasure needs). SQLite reports a checkpoint it could not finish in a result
   * row, not as an error; this reads it.
   *
   * @throws StoreException when SQLite could not copy all of it (another connection's reader held
   *     it back past the busy timeout): the caller's deletion is committed but older images of its
   *     pages may still be in the WAL, so it must not report the erasure finished
   */
  public void checkpointTruncate() {
    if (lock.isHeldByCurrentThread()) {
      // The background checkpointer takes the checkpoint lock before the writers' one.
      throw new IllegalStateException(
          "checkpointTruncate inside a transaction of " + file + ": call it after the commit");
    }
    checkpointLock.lock();
    try {
      truncate();
    } finally {
      checkpointLock.unlock();
    }
  }

  /**
   * Copies the WAL back into the file beside the writers, on the background checkpointer's own
   * connection ({@link #checkpointingInBackground}): before a {@link #checkpointTruncate} that the
   * writers will wait for, so that it has less to copy. Does nothing for a database without one
   * (SQLite's own checkpoints in the commits keep its WAL short). A pass that fails is logged and
   * changes nothing: the next checkpoint copies those frames instead.
   *
   * @return how many frames were left uncopied (0 without a background checkpointer, -1 when the
   *     pass failed)
   */
  public int checkpointBeside() {
    WalCheckpointer background = checkpointer;
    if (background == null) {
      return 0;
    }
    if (lock.isHeldByCurrentThread()) {
      throw new IllegalStateException(
          "checkpointBeside inside a transaction of " + file + ": call it outside");
    }
    try {
      return background.catchUp();
    } catch (SQLException e) {
      LOG.warn("checkpoint of {} beside the writers failed: {}", file, e.toString());
      return -1;
    }
  }

  private void truncate() {
    read(
        c -> {
          try (Statement statement = c.createStatement();
              var rows = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (rows.next() && rows.getInt(1) != 0) {
              throw new StoreException(
                  "the WAL of "
                      + file
                      + " could not be emptied: another connection kept reading it past the busy"
                      + " timeout; retry once it is done",
                  null);
            }
            return null;
          }
        });
  }

  /** True when the database answers a query; the readiness check. */
  public boolean answers() {
    try {
      return read(
          c -> {
            try (Statement statement = c.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM maps")) {
              return rows.next();
            }
          });
    } catch (StoreException e) {
      LOG.warn("store {} does not answer queries: {}", file, e.getMessage());
      return false;
    }
  }

  /** The schema version of the open database. */
  public int schemaVersion() {
    return read(
        c -> {
          try (Statement statement = c.createStatement();
              var rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
          }
        });
  }

  /** The journal mode SQLite reports, {@code wal} once open. */
  public String journalMode() {
    return read(
        c -> {
          try (Statement statement = c.createStatement();
              var rows = statement.executeQuery("PRAGMA journal_mode")) {
            return rows.next() ? rows.getString(1) : "";
          }
        });
  }

  /**
   * From now on the WAL is copied back into the file by a thread and connection of its own ({@link
   * WalCheckpointer}) instead of inside the commit that crosses SQLite's threshold. For a file
   * whose writer must not stall (flows.db); call it once, before the database is shared.
   */
  public Database checkpointingInBackground() {
    return checkpointingInBackground(WalCheckpointer.PERIOD, WalCheckpointer.RESTART_FRAMES);
  }

  /**
   * {@link #checkpointingInBackground()} with its pace: at most a pass a period, one due once the
   * WAL holds {@code restartFrames} frames.
   */
  Database checkpointingInBackground(Duration period, int restartFrames) {
    if (checkpointer != null) {
      throw new IllegalStateException(file + " is checkpointed in the background already");
    }
    WalCheckpointer background;
    try {
      background =
          new WalCheckpointer(
              file,
              shm,
              lock,
              checkpointLock,
              synchronous != Synchronous.OFF,
              period,
              restartFrames);
    } catch (SQLException e) {
      throw new StoreException("cannot checkpoint " + file + " in the background: " + e, e);
    }
    try {
      read(
          c -> {
            try (Statement statement = c.createStatement()) {
              statement.execute("PRAGMA wal_autocheckpoint = 0");
            }
            return null;
          });
    } catch (StoreException e) {
      background.close(); // SQLite keeps checkpointing in the commits
      throw e;
    }
    checkpointer = background;
    return this;
  }

  /** The background checkpointer, when there is one (for tests). */
  WalCheckpointer checkpointer() {
    return checkpointer;
  }

  private void committed() {
    WalCheckpointer background = checkpointer;
    if (background != null) {
      background.committed();
    }
  }

  @Override
  public void close() {
    WalCheckpointer background = checkpointer;
    if (background != null) {
      background.close(); // after the pass it may be in
    }
    snapshots.close(); // waits for a read in progress
    lock.lock();
    try {
      StatementCache.forget(connection);
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the database " + file, e);
    } finally {
      lock.unlock();
    }
  }
}
