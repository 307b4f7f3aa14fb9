package trailmap.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a database's WAL back into its file on a thread and connection of its own, so that the
 * writer's commits never do it. SQLite's automatic checkpoint runs inside the commit that crosses
 * its threshold: at 1M waiting, one flow-thread commit in about a hundred took 0.6-0.7 s, most of
 * the commits' time and a stall for every event and wake-up behind it (trailmap-bench/README.md,
 * session 14).
 *
 * <p>It runs a passive checkpoint, which copies what is committed while the writer goes on, once
 * the WAL holds {@code restartFrames} frames (read from the header of the WAL's index; at most once
 * a {@code period}, and at least every {@link #LONGEST_WAIT} periods while anything is committed).
 * The WAL starts over from its beginning only at a write that finds all of it copied, which a
 * passive checkpoint beside a busy writer never leaves (the writer commits while it copies). So a
 * pass that finds {@code restartFrames} frames in the WAL copies once more beside the writer, then
 * once under the writers' lock, which copies only what was committed meanwhile, and the next write
 * starts the WAL over (SQLite's own checkpoint did all of it inside a commit). For a database that
 * syncs, checkpoints here sync the WAL before copying and the file after it ({@code synchronous =
 * NORMAL}), as SQLite's own do, so a commit is on the disk in the file before its frames in the WAL
 * are overwritten; for one that never syncs (profiles.db, rebuilt from the event log) they do not
 * either.
 */
final class WalCheckpointer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

  /** The shortest time between passes; the WAL's length is looked at ten times in it. */
  static final Duration PERIOD = Duration.ofSeconds(1);

  /**
   * WAL frames at which a pass runs, and finishes under the writers' lock so that the WAL starts
   * over: 256 MB of flows.db's 16 KB pages, where SQLite's automatic checkpoint was set before.
   */
  static final int RESTART_FRAMES = 16_384;

  private final Path file;
  private final Path index;
  private final Connection connection;
  private final ReentrantLock writers;
  private final ReentrantLock checkpoints;
  private final Duration period;
  private final int restartFrames;
  private final Thread thread;

  /** Counted by the writers without a lock: a commit must never wait for a look at the WAL. */
  private final AtomicLong commits = new AtomicLong();

  /** The commits the last pass began after; written by the checkpointer's thread only. */
  private volatile long commitsCheckpointed;

  private final AtomicLong restarts = new AtomicLong();

  /** Guards {@link #closed}; {@link #close} signals {@link #changed} to end a look early. */
  private final ReentrantLock state = new ReentrantLock();

  private final Condition changed = state.newCondition();
  private boolean closed;

  /**
   * @param index the WAL's index beside the real file ({@code FILE-shm}), whose header counts the
   *     WAL's frames
   * @param writers the lock the database's writers hold for a transaction
   * @param checkpoints held for each pass, and by any other checkpoint of the file (an erasure's),
   *     so that the two never meet
   * @param syncs whether the database syncs its commits (and so the checkpoints their copies)
   */
  WalCheckpointer(
      Path file,
      Path index,
      ReentrantLock writers,
      ReentrantLock checkpoints,
      boolean syncs,
      Duration period,
      int restartFrames)
      throws SQLException {
    this.file = file;
    this.index = index;
    this.writers = writers;
    this.checkpoints = checkpoints;
    this.period = period;
    this.restartFrames = restartFrames;
    this.connection = Database.connect(file);
    try (Statement statement = connection.createStatement()) {
      Database.configure(statement);
      statement.execute("PRAGMA synchronous = " + (syncs ? "NORMAL" : "OFF"));
      statement.execute("PRAGMA wal_autocheckpoint = 0");
    }
    this.thread =
        Thread.ofPlatform()
            .daemon()
            .name("wal-checkpoint-" + file.getFileName())
            .unstarted(this::run);
    thread.start();
  }

  /** A transaction was committed: its frames are for the next pass. */
  void committed() {
    commits.incrementAndGet();
  }

  /** Whether a pass has run since the last commit (for tests). */
  boolean caughtUp() {
    return commitsCheckpointed == commits.get();
  }

  /** How many passes finished under the writers' lock, so that the WAL starts over (for tests). */
  long restarts() {
    return restarts.get();
  }

  /**
   * While the WAL holds fewer than {@code restartFrames} frames, a pass still runs once this many
   * periods have gone by with anything committed, so a quiet database is copied back too.
   */
  static final int LONGEST_WAIT = 30;

  /** How often the WAL's length is looked at, in parts of a period. */
  static final int LOOKS_PER_PERIOD = 10;

  /**
   * Waits until a pass is due, runs it; until {@link #close}. A pass is due once the WAL holds
   * {@code restartFrames} frames (so that passes, each of which syncs both files beside the
   * sender's sync of the WAL, come about as often as SQLite's own checkpoint did), at most once a
   * period; or when its length cannot be read, once a period with anything committed.
   */
  private void run() {
    long lastPass = System.nanoTime();
    long look = Math.max(1_000_000L, period.toNanos() / LOOKS_PER_PERIOD);
    while (awaitLook(look)) {
      long upTo = commits.get();
      long waited = System.nanoTime() - lastPass;
      if (upTo == commitsCheckpointed || waited < period.toNanos()) {
        continue;
      }
      int frames = walFrames();
      if (frames >= 0 && frames < restartFrames && waited < LONGEST_WAIT * period.toNanos()) {
        continue;
      }
      try {
        if (pass()) {
          restarts.incrementAndGet();
        }
      } catch (SQLException | RuntimeException e) {
        // The commits stay in the WAL, which a later pass copies; nothing is lost.
        LOG.warn("checkpoint of {} failed, to be tried again: {}", file, e.toString());
      }
      lastPass = System.nanoTime();
      commitsCheckpointed = upTo;
    }
  }

  /** Waits one look, or less if {@link #close} is called; false once closed. */
  private boolean awaitLook(long nanos) {
    state.lock();
    try {
      if (!closed) {
        changed.awaitNanos(nanos);
      }
      return !closed;
    } catch (InterruptedException e) {
      return false;
    } finally {
      state.unlock();
    }
  }

  /**
   * How many frames the WAL holds, from the header of its index ({@code FILE-shm}, which SQLite
   * keeps in shared memory and in that file): {@code mxFrame}, a 32-bit number in the machine's
   * byte order at offset 16, after a version number that is 3007000 (sqlite.org/walformat.html). -1
   * when it cannot be read or is not in that format. Read without a lock: at worst it is a commit
   * out of date, which only moves a pass by one look.
   */
  int walFrames() {
    ByteBuffer head = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
    try (FileChannel shm = FileChannel.open(index, StandardOpenOption.READ)) {
      while (head.hasRemaining() && shm.read(head, head.position()) > 0) {}
    } catch (IOException e) {
      return -1;
    }
    if (head.hasRemaining() || head.getInt(0) != WAL_INDEX_VERSION) {
      return -1;
    }
    return head.getInt(16);
  }

  private static final int WAL_INDEX_VERSION = 3_007_000;

  /**
   * One pass: a passive checkpoint, finished under the writers' lock once the WAL is long; returns
   * whether it was.
   */
  private boolean pass() throws SQLException {
    checkpoints.lock();
    try {
      if (passive().frames() < restartFrames) {
        return false;
      }
      // Once more first: it copies only what came in during the first, so that what is left for
      // the writers to wait out is shorter still.
      passive();
      writers.lock();
      try {
        passive();
        return true;
      } finally {
        writers.unlock();
      }
    } finally {
      checkpoints.unlock();
    }
  }

  /**
   * Copies what the WAL holds back into the file now, beside the writers (a passive checkpoint,
   * twice: the second copies what came in during the first), so that a checkpoint the writers must
   * wait for has little left to copy: an erasure's {@code TRUNCATE} copied back up to {@code
   * restartFrames} frames the passes had not reached, 1.3 s at 1M waiting with every writer waiting
   * (trailmap-bench/README.md, session 15). Returns how many frames were left uncopied (a reader
   * held them back, or writers added them meanwhile).
   */
  int catchUp() throws SQLException {
    checkpoints.lock();
    try {
      passive();
      Passive second = passive();
      return Math.max(0, second.frames() - second.copied());
    } finally {
      checkpoints.unlock();
    }
  }

  /** What a passive checkpoint reported: the frames the WAL holds, how many of them are copied. */
  private record Passive(int frames, int copied) {}

  /** A passive checkpoint. */
  private Passive passive() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      return rows.next() ? new Passive(rows.getInt(2), rows.getInt(3)) : new Passive(0, 0);
    }
  }

  /** Stops the thread after the pass it may be in, and closes its connection. */
  @Override
  public void close() {
    state.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      state.unlock();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("cannot close the checkpoint connection of {}: {}", file, e.toString());
    }
  }
}
