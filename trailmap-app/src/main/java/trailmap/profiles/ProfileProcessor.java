package trailmap.profiles;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trailmap.eventlog.EventLog;

/**
 * Follows the event log into the profile store on its own thread: reads from the store's position,
 * applies each batch in one transaction together with the new position, and waits for more.
 *
 * <pre>{@code
 * try (ProfileProcessor processor = ProfileProcessor.start(log, store, 500)) {
 *   processor.awaitPosition(log.end(), Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * A crash loses no work and doubles none: what was committed is skipped on restart, what was not is
 * read again. A refused merge is logged as one WARN line naming the profiles, the numbers and the
 * knob. A failing batch is logged and retried after a second, never skipped.
 */
public final class ProfileProcessor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProfileProcessor.class);

  /** How long to sleep when the log has nothing new; {@link #wake} cuts it short. */
  private static final Duration IDLE = Duration.ofMillis(100);

  private static final Duration RETRY = Duration.ofSeconds(1);

  private final EventLog log;
  private final ProfileStore store;
  private final int batchSize;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long position;
  private volatile Runnable applied = () -> {};
  private boolean woken;

  private ProfileProcessor(EventLog log, ProfileStore store, int batchSize) {
    this.log = log;
    this.store = store;
    this.batchSize = batchSize;
    this.position = store.position();
    this.thread = Thread.ofPlatform().name("profile-processor").daemon().unstarted(this::run);
  }

  /**
   * Starts following {@code log} from the store's position.
   *
   * @param batchSize events per transaction, 1..10,000
   */
  public static ProfileProcessor start(EventLog log, ProfileStore store, int batchSize) {
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException("batchSize must be between 1 and 10000, was " + batchSize);
    }
    ProfileProcessor processor = new ProfileProcessor(log, store, batchSize);
    processor.thread.start();
    return processor;
  }

  /** The position applied up to: every event before it is on its profile. */
  public long position() {
    return position;
  }

  /** Tells the processor new events may be in the log, so it reads now rather than after a nap. */
  public void wake() {
    lock.lock();
    try {
      woken = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code listener} on the processor's thread after each batch it applied, once {@link
   * #position} has moved past it; followers of the processor wake on it instead of polling. It must
   * be quick and must not throw. Replaces the listener set before.
   */
  public void onApplied(Runnable listener) {
    this.applied = listener;
  }

  /**
   * Waits until every event before {@code target} is applied.
   *
   * @return false when the timeout passed first
   */
  public boolean awaitPosition(long target, Duration timeout) throws InterruptedException {
    wake();
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (position < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    BackgroundPriority.lowerCurrentThread();
    while (running) {
      try {
        // A page may skip erased positions, or hold none but erased ones: its next says where on.
        EventLog.Page page = log.readPage(position, batchSize);
        if (page.next() <= position) {
          nap(IDLE);
          continue;
        }
        List<LimitRefusal> refusals = store.apply(page);
        refusals.forEach(r -> LOG.warn("profiles: {}", r.message()));
        advance(page.next());
        applied.run();
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.error("profiles: applying events from position {} failed; retrying", position, e);
        nap(RETRY);
      }
    }
  }

  private void advance(long next) {
    lock.lock();
    try {
      position = next;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void nap(Duration duration) {
    lock.lock();
    try {
      if (!woken && running) {
        changed.await(duration.toNanos(), TimeUnit.NANOSECONDS);
      }
      woken = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  /** Stops after the batch in hand is committed (or rolled back); does not close the store. */
  @Override
  public void close() {
    running = false;
    wake();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
