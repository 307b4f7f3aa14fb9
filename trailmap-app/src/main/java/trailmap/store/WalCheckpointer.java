package trailmap.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
 * the WAL should hold {@code restartFrames} new frames (at most once a {@code period}, at least
 * every {@link #LONGEST_WAIT} periods while anything is committed). The WAL starts over from its
 * beginning only at a write that finds all of it copied, which a passive checkpoint beside a busy
 * writer never leaves (the writer commits while it copies). So a pass that finds {@code
 * restartFrames} frames in the WAL copies once more beside the writer, then once under the writers'
 * lock, which copies only what was committed meanwhile, and the next write starts the WAL over
 * (SQLite's own checkpoint did all of it inside a commit). For a database that syncs, checkpoints
 * here sync the WAL before copying and the file after it ({@code synchronous = NORMAL}), as
 * SQLite's own do, so a commit is on the disk in the file before its frames in the WAL are
 * overwritten; for one that never syncs (profiles.db, rebuilt from the event log) they do not
 * either.
 */
final class WalCheckpointer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

  /** How often a pass runs while commits come in. */
  static final Duration PERIOD = Duration.ofSeconds(1);

  /**
   * WAL frames past which a pass finishes under the writers' lock so that the WAL starts over: 256
   * MB of flows.db's 16 KB pages, as SQLite's automatic checkpoint was set before.
   */
  static final int RESTART_FRAMES = 16_384;

  private final Path file;
  private final Connection connection;
  private final ReentrantLock writers;
  private final ReentrantLock checkpoints;
  private final Duration period;
  private final int restartFrames;
  private final Thread thread;

  private final ReentrantLock state = new ReentrantLock();
  private final Condition changed = state.newCondition();
  private long commits;
  private long commitsCheckpointed;
  private boolean closed;
  private long passes;
  private long restarts;

  /**
   * @param writers the lock the database's writers hold for a transaction
   * @param checkpoints held for each pass, and by any other checkpoint of the file (an erasure's),
   *     so that the two never meet
   * @param syncs whether the database syncs its commits (and so the checkpoints their copies)
   */
  WalCheckpointer(
      Path file,
      ReentrantLock writers,
      ReentrantLock checkpoints,
      boolean syncs,
      Duration period,
      int restartFrames)
      throws SQLException {
    this.file = file;
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
    state.lock();
    try {
      commits++;
      changed.signalAll();
    } finally {
      state.unlock();
    }
  }

  /** How many passes have run (for tests). */
  long passes() {
    state.lock();
    try {
      return passes;
    } finally {
      state.unlock();
    }
  }

  /** Whether a pass has run since the last commit (for tests). */
  boolean caughtUp() {
    state.lock();
    try {
      return commitsCheckpointed == commits;
    } finally {
      state.unlock();
    }
  }

  /** How many passes finished under the writers' lock, so that the WAL starts over (for tests). */
  long restarts() {
    state.lock();
    try {
      return restarts;
    } finally {
      state.unlock();
    }
  }

  /**
   * The longest wait between passes, in periods, while anything is committed: a pass runs once the
   * commits since the last one should have added {@code restartFrames} frames to the WAL (by the
   * frames per commit the last pass found), so that passes, each of which syncs both files, come
   * about as often as SQLite's own checkpoint did and not every second beside the sender's sync of
   * the WAL; this bounds the wait when that estimate is far off.
   */
  static final int LONGEST_WAIT = 30;

  /** The WAL's frames after the last pass (the checkpointer's thread's). */
  private int framesAfterLastPass;

  /** Waits until a pass is due, runs it; until {@link #close}. */
  private void run() {
    long commitsPerPass = 1; // until a pass has seen how many frames a commit adds
    while (true) {
      long upTo;
      long since;
      state.lock();
      try {
        long deadline = System.nanoTime() + LONGEST_WAIT * period.toNanos();
        while (!closed
            && (commits == commitsCheckpointed
                || (commits - commitsCheckpointed < commitsPerPass
                    && System.nanoTime() < deadline))) {
          if (commits == commitsCheckpointed) {
            changed.await();
          } else {
            changed.awaitNanos(deadline - System.nanoTime());
          }
        }
        if (closed) {
          return;
        }
        upTo = commits;
        since = commits - commitsCheckpointed;
      } catch (InterruptedException e) {
        return;
      } finally {
        state.unlock();
      }
      boolean restarted = false;
      try {
        int before = framesAfterLastPass;
        restarted = pass();
        int grown =
            framesAfterLastPass < before ? framesAfterLastPass : framesAfterLastPass - before;
        if (restarted) {
          grown = Math.max(grown, restartFrames); // the WAL held at least this many before
        }
        commitsPerPass = Math.max(1, restartFrames * since / Math.max(1, grown));
      } catch (SQLException | RuntimeException e) {
        // The commits stay in the WAL, which a later pass copies; nothing is lost.
        LOG.warn("checkpoint of {} failed, to be tried again: {}", file, e.toString());
      }
      state.lock();
      try {
        commitsCheckpointed = upTo;
        passes++;
        restarts += restarted ? 1 : 0;
        long wait = period.toNanos(); // at most a pass a period
        while (!closed && wait > 0) {
          wait = changed.awaitNanos(wait);
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        state.unlock();
      }
    }
  }

  /**
   * One pass: a passive checkpoint, finished under the writers' lock once the WAL is long; returns
   * whether it was.
   */
  private boolean pass() throws SQLException {
    checkpoints.lock();
    try {
      framesAfterLastPass = passive();
      if (framesAfterLastPass < restartFrames) {
        return false;
      }
      // Once more first: it copies only what came in during the first, so that what is left for
      // the writers to wait out is shorter still.
      passive();
      writers.lock();
      try {
        framesAfterLastPass = passive();
        return true;
      } finally {
        writers.unlock();
      }
    } finally {
      checkpoints.unlock();
    }
  }

  /** A passive checkpoint; returns how many frames the WAL holds. */
  private int passive() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      return rows.next() ? rows.getInt(2) : 0;
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
