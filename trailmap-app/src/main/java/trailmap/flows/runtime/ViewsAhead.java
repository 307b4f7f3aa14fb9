package trailmap.flows.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileStore;

/**
 * Reads the profile views of the next batch of due timers on a thread of its own while the flow
 * thread carries out the batch in hand. The views come from profiles.db, a file and connection of
 * their own, so this read (a sixth of a timer's cost, trailmap-bench/README.md) runs on the
 * machine's other core instead of before the next transaction.
 *
 * <p>A batch gets the views read ahead only when its timers are exactly those they were read for
 * and no erasure started or committed in between; otherwise it reads them itself. The views are
 * then as old as one batch (tens of milliseconds): the same race with new events as a view read
 * just before the transaction, and their events are cut to the batch's own horizon ({@link
 * ProfileReads#adopt}). Used by the flow thread alone.
 */
final class ViewsAhead implements AutoCloseable {
  private final ProfileStore profiles;
  private final StateCache states;
  private final ExecutorService reader = readerThread("trailmap-flow-views");

  /**
   * One daemon thread named {@code name}, ended after 30 s without work and started again by the
   * next task, so a runtime that is never closed (a test, a benchmark) leaves no thread behind.
   */
  static ExecutorService readerThread(String name) {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** The read in flight or done, for which timers, after how many erasures. */
  private record Ahead(List<FlowStates.Due> due, long erasures, Future<ProfileReads> reads) {}

  private Ahead ahead;

  ViewsAhead(ProfileStore profiles, StateCache states) {
    this.profiles = profiles;
    this.states = states;
  }

  /**
   * The round's reads for {@code due} at {@code now}, with every due profile's view: the views read
   * ahead for exactly these timers if there are any, else read now.
   */
  ProfileReads take(List<FlowStates.Due> due, long erasures, Instant now, Set<String> events) {
    ProfileReads reads = new ProfileReads(profiles, states, now);
    Ahead held = ahead;
    ahead = null;
    if (held != null && held.due().equals(due) && held.erasures() == erasures) {
      try {
        reads.adopt(held.reads().get());
      } catch (ExecutionException e) {
        // The read ahead failed (profiles.db busy or closing): the views are read below instead.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    reads.views(profilesOf(due), events);
    return reads;
  }

  /** Starts reading the views of {@code due}, the timers the next round will most likely fire. */
  void readAhead(List<FlowStates.Due> due, long erasures, Instant now, Set<String> events) {
    if (due.isEmpty()) {
      return;
    }
    List<FlowStates.Due> timers = List.copyOf(due);
    ahead =
        new Ahead(
            timers,
            erasures,
            reader.submit(
                () -> {
                  ProfileReads reads = new ProfileReads(profiles, states, now);
                  reads.views(profilesOf(timers), events);
                  return reads;
                }));
  }

  private static List<ProfileId> profilesOf(List<FlowStates.Due> due) {
    return due.stream().map(FlowStates.Due::profile).toList();
  }

  @Override
  public void close() {
    reader.shutdownNow();
  }
}
