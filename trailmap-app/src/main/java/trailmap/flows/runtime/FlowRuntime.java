package trailmap.flows.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trailmap.eventlog.EventLog;
import trailmap.flows.channels.UnsubscribeTokens;
import trailmap.maps.JourneyMap;
import trailmap.profiles.ProfileStore;

/**
 * The durable flow runtime: follows the event log into every published flow, fires due timers, and
 * drains the outbox to the channels, each on its own thread.
 *
 * <pre>{@code
 * try (FlowRuntime runtime = FlowRuntime.start(flows, profiles, log,
 *     profileProcessor::position, clock, FlowSettings.defaults(publicUrl).withSmtp(smtp))) {
 *   runtime.awaitIdle(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Guarantees: the log position, the flow states, the timers and the outbox rows an event (or a
 * timer) caused commit in one transaction of {@code flows.db}, so after a crash an event is neither
 * lost nor applied twice, and a timer row is deleted in the transaction that handles it, so a
 * wake-up fires once. Sends are at least once: a crash between the provider's accept and the outbox
 * update resends, with the same Message-ID / Idempotency-Key (docs/flows-runtime.md).
 *
 * <p>The runtime never reads past {@code profilesApplied}: an event is handled once its profile
 * holds it. Time is {@code clock}: advancing a settable clock fires the timers due by then.
 */
public final class FlowRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FlowRuntime.class);
  private static final Duration RETRY = Duration.ofSeconds(1);

  /**
   * When woken, the flow thread starts a round no sooner than this after the start of the last
   * round that found work, so events arriving one by one are handled and committed (a commit per
   * round) a few at a time: committing each alone kept flows.db's one connection from the sender.
   */
  private static final Duration GATHER = Duration.ofMillis(10);

  private final FlowStore store;
  private final FlowWork work;
  private final OutboxSender sender;
  private final FlowSettings settings;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<Thread> threads = new ArrayList<>();
  private final UnsubscribeTokens tokens;
  private final String webhookSecret;
  private volatile boolean running = true;

  /** A wake-up for the flow thread, or the sender, that it has not looked at yet. */
  private boolean flowWoken;

  private boolean senderWoken;

  private FlowRuntime(
      FlowStore store,
      FlowWork work,
      OutboxSender sender,
      FlowSettings settings,
      UnsubscribeTokens tokens,
      String webhookSecret) {
    this.store = store;
    this.work = work;
    this.sender = sender;
    this.settings = settings;
    this.tokens = tokens;
    this.webhookSecret = webhookSecret;
  }

  /** Builds the runtime without starting its threads; tests drive it with {@link #step}. */
  public static FlowRuntime create(
      FlowStore flows,
      ProfileStore profiles,
      EventLog log,
      LongSupplier profilesApplied,
      Clock clock,
      FlowSettings settings) {
    return create(flows, profiles, log, profilesApplied, clock, settings, SegmentLink.NONE);
  }

  /**
   * As {@link #create(FlowStore, ProfileStore, EventLog, LongSupplier, Clock, FlowSettings)}, with
   * segments: profiles entering one start its {@code segment} flows, and segment actions are
   * carried out through {@code segments}.
   */
  public static FlowRuntime create(
      FlowStore flows,
      ProfileStore profiles,
      EventLog log,
      LongSupplier profilesApplied,
      Clock clock,
      FlowSettings settings,
      SegmentLink segments) {
    UnsubscribeTokens tokens = flows.unsubscribeTokens();
    String webhookSecret = flows.webhookSecret();
    long seed = Long.parseUnsignedLong(flows.secret("seed").substring(0, 16), 16);
    FlowWork work =
        new FlowWork(
            flows,
            profiles,
            log,
            profilesApplied,
            clock,
            settings,
            seed,
            new DecisionWriter(settings, tokens, segments, flows.templateBodies()),
            segments);
    OutboxSender sender =
        new OutboxSender(flows, log, clock, settings, webhookSecret, profiles::erasurePending);
    return new FlowRuntime(flows, work, sender, settings, tokens, webhookSecret);
  }

  /** As {@link #create}, and starts the runtime's two threads. */
  public static FlowRuntime start(
      FlowStore flows,
      ProfileStore profiles,
      EventLog log,
      LongSupplier profilesApplied,
      Clock clock,
      FlowSettings settings,
      SegmentLink segments) {
    return start(
        flows, profiles, log, profilesApplied, clock, settings, segments, id -> Optional.empty());
  }

  /** As the other {@code start}, with the maps that touchpoint and stage triggers name. */
  public static FlowRuntime start(
      FlowStore flows,
      ProfileStore profiles,
      EventLog log,
      LongSupplier profilesApplied,
      Clock clock,
      FlowSettings settings,
      SegmentLink segments,
      Function<String, Optional<JourneyMap>> maps) {
    FlowRuntime runtime = create(flows, profiles, log, profilesApplied, clock, settings, segments);
    runtime.maps(maps);
    runtime.startThreads();
    return runtime;
  }

  private void startThreads() {
    threads.add(
        Thread.ofPlatform().name("flow-runtime").daemon().start(() -> loop(this::flowRound, true)));
    threads.add(
        Thread.ofPlatform().name("flow-sender").daemon().start(() -> loop(sender::sendDue, false)));
  }

  /**
   * The flow thread's round. What it handled may have queued sends: the sender looks now rather
   * than after its nap (which was most of the time from an event to its email being handed over).
   */
  private int flowRound() {
    int done = advance();
    if (done > 0) {
      wake(false, true);
    }
    return done;
  }

  /**
   * Reads the maps that touchpoint and stage triggers name through {@code lookup} (the latest
   * stored version); without it such flows never start.
   */
  public FlowRuntime maps(Function<String, Optional<JourneyMap>> lookup) {
    work.maps(lookup);
    return this;
  }

  /** Signs unsubscribe links; the server's {@code /u/{token}} route verifies them. */
  public UnsubscribeTokens unsubscribeTokens() {
    return tokens;
  }

  /** The secret webhook requests are signed with (give it to the receivers). */
  public String webhookSecret() {
    return webhookSecret;
  }

  public FlowSettings settings() {
    return settings;
  }

  /**
   * Runs {@code hook} on the flow thread between each page's read of flow states and its
   * transaction (for tests of a write that comes in between); see {@link
   * FlowWork#beforePageTransaction}.
   */
  void beforePageTransaction(Runnable hook) {
    work.beforePageTransaction(hook);
  }

  /** The log position handled up to. */
  public long position() {
    return work.position();
  }

  /**
   * One round by the calling thread: new events, then due timers, then due sends. Its send round
   * waits for one the sender thread has in progress (and the other way round), so a message is
   * never handed over by both.
   *
   * @return how many events, timers and sends it handled
   */
  public int step() {
    return advance() + sender.sendDue();
  }

  /**
   * One round of the flow thread by the calling thread, without the sends: new events, segment
   * entries, API calls, then due timers and schedule firings, until none is left. Benchmarks time
   * the flow work alone with it; {@link #step} adds the sender's round.
   *
   * <p>Timers and firings go a batch at a time, with the events, entries and calls that came
   * meanwhile taken in between: an event that arrives during a burst of wake-ups (a {@code wait:
   * {time: "09:00"}} releasing a million profiles fires for a minute and a half) waits for one
   * batch, not for the whole burst.
   *
   * @return how many events, feed rows, calls and timers it handled
   */
  public int advance() {
    int done = 0;
    int fired;
    do {
      done += drain(work::processEvents);
      done += drain(work::processSegmentEntries);
      done += drain(work::processApiCalls);
      fired = unit(work::fireDueTimers);
      fired += unit(work::fireDueSchedules);
      done += fired;
    } while (fired > 0);
    // One page of a schedule sweep per round, so new events are not held up by a long sweep.
    return done + unit(work::seedSchedules);
  }

  /** Runs {@code step} until it finds nothing to do; returns how much it did in all. */
  private int drain(IntSupplier step) {
    int done = 0;
    int n;
    while ((n = unit(step)) > 0) {
      done += n;
    }
    return done;
  }

  /**
   * One unit of the flow thread's work (it reads, then commits what it decided) while no erasure
   * runs: a unit that read an erased person before the erasure cannot write them back after it.
   */
  private int unit(IntSupplier step) {
    return store.outsideErasure(step::getAsInt);
  }

  /**
   * Waits until every event the profiles hold is handled, no timer is due and no send is due.
   *
   * @return false when the timeout passed first
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      wake();
      if (work.idle() && sender.idle()) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /**
   * Tells the threads to look now rather than after their nap (the server calls it when the profile
   * processor has applied events). A wake-up that comes while a thread works is kept for its next
   * nap, so none is lost.
   */
  public void wake() {
    wake(true, true);
  }

  private void wake(boolean flow, boolean send) {
    lock.lock();
    try {
      flowWoken |= flow;
      senderWoken |= send;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void loop(IntSupplier round, boolean flowThread) {
    long lastWork = System.nanoTime() - GATHER.toNanos();
    while (running) {
      try {
        long started = System.nanoTime();
        int done = round.getAsInt();
        if (done > 0) {
          lastWork = started;
        } else {
          nap(settings.poll(), flowThread);
          long gather = lastWork + GATHER.toNanos() - System.nanoTime();
          if (flowThread && gather > 0) {
            LockSupport.parkNanos(gather);
          }
        }
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.error("flows: {} failed; retrying in {}", Thread.currentThread().getName(), RETRY, e);
        nap(RETRY, flowThread);
      }
    }
  }

  private void nap(Duration d, boolean flowThread) {
    lock.lock();
    try {
      long left = d.toNanos();
      while (running && !(flowThread ? flowWoken : senderWoken) && left > 0) {
        left = changed.awaitNanos(left);
      }
      if (flowThread) {
        flowWoken = false;
      } else {
        senderWoken = false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the threads after the round in hand and closes the sender's SMTP connection; does not
   * close the stores.
   */
  @Override
  public void close() {
    running = false;
    wake();
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    sender.close();
    work.close();
  }
}
