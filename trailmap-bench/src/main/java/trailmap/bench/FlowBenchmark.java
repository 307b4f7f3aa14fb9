package trailmap.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import trailmap.events.JsonValue;
import trailmap.flows.Flow;
import trailmap.flows.FlowEvent;
import trailmap.flows.Trigger;
import trailmap.flows.engine.Decisions;
import trailmap.flows.engine.FlowEngine;
import trailmap.flows.engine.FlowState;
import trailmap.flows.engine.Input;
import trailmap.flows.engine.ProfileContext;
import trailmap.flows.policy.CapWindow;
import trailmap.flows.policy.Consent;
import trailmap.flows.policy.FrequencyCap;
import trailmap.flows.policy.MessagePolicy;
import trailmap.profiles.ProfileId;

/**
 * The engine side of issue 6's speed goals, with the pure {@link FlowEngine} and in-memory state
 * maps (no durable store, no outbox, no SMTP): heap of 1M profiles waiting in the welcome flow,
 * timers fired per second, and events evaluated against 20 live flows per second. Each figure is
 * measured beside a baseline in the same run: a map of profile to wake-up time (heap, timers) and a
 * bare loop that looks up each flow's state and compares the trigger event name (events).
 *
 * <pre>{@code
 * java -Xmx4g -cp trailmap-bench.jar trailmap.bench.FlowBenchmark --profiles 1000000 --events 1000000
 * }</pre>
 *
 * Run from the repository root (it reads {@code examples/flows}).
 */
public final class FlowBenchmark {
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final MessagePolicy POLICY =
      new MessagePolicy(
          List.of(FrequencyCap.on("email", 3, CapWindow.WEEK)),
          Optional.empty(),
          Set.of(),
          0.05,
          1);
  static final JsonValue.Obj TRAITS =
      new JsonValue.Obj(
          Map.of(
              "email", new JsonValue.Str("ada@example.com"), "plan", new JsonValue.Str("trial")));
  private static final long SEED = 7;

  private FlowBenchmark() {}

  public static void main(String[] args) throws Exception {
    int profiles = 1_000_000;
    int events = 1_000_000;
    int eventProfiles = 200_000;
    Path examples = Path.of("examples/flows");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--profiles" -> profiles = Integer.parseInt(args[i + 1]);
        case "--events" -> events = Integer.parseInt(args[i + 1]);
        case "--event-profiles" -> eventProfiles = Integer.parseInt(args[i + 1]);
        case "--examples" -> examples = Path.of(args[i + 1]);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; use --profiles --events --event-profiles --examples");
      }
    }
    Flow welcome = FlowWorkload.example(examples, "welcome.yaml");
    List<Flow> twenty = FlowWorkload.twenty(examples);
    System.out.printf(
        Locale.ROOT,
        "flow benchmark: pure engine, in-memory state; %d cores, max heap %d MiB, %s%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.vm.name") + " " + Runtime.version());

    // Warm-up: the same work, smaller, thrown away.
    new Waiting(welcome, profiles / 10).engine().fireAll();
    new Waiting(welcome, profiles / 10).baseline().fireAll();
    new EventRun(twenty, eventProfiles, events / 3).engine();
    new EventRun(twenty, eventProfiles, events / 3).baseline();

    List<String[]> rows = new ArrayList<>();
    long before = heapAfterGc();
    Waiting base = new Waiting(welcome, profiles).baseline();
    long baseHeap = heapAfterGc() - before;
    double baseTimers = base.fireAll();
    base = null;

    before = heapAfterGc();
    long started = System.nanoTime();
    Waiting engine = new Waiting(welcome, profiles).engine();
    double entriesPerSecond = profiles / seconds(started);
    long engineHeap = heapAfterGc() - before;
    double engineTimers = engine.fireAll();
    engine = null;

    EventRun eventRun = new EventRun(twenty, eventProfiles, events);
    double baseEvents = new EventRun(twenty, eventProfiles, events).baseline();
    double engineEvents = eventRun.engine();

    rows.add(row("heap, " + profiles / 1000 + "k waiting (MiB)", mib(engineHeap), mib(baseHeap)));
    rows.add(row("timers fired/s", engineTimers, baseTimers));
    rows.add(row("events x 20 flows/s", engineEvents, baseEvents));
    System.out.printf(
        Locale.ROOT, "%n%-34s %14s %14s %9s%n", "measure", "engine", "baseline", "ratio");
    for (String[] r : rows) {
      System.out.printf(Locale.ROOT, "%-34s %14s %14s %9s%n", (Object[]) r);
    }
    System.out.printf(
        Locale.ROOT,
        "(entering %d profiles into the welcome flow ran at %,.0f entries/s; %,.0f bytes per waiting profile)%n",
        profiles,
        entriesPerSecond,
        (double) engineHeap / profiles);
    double gib = engineHeap / (double) (1L << 30) * (1_000_000.0 / profiles);
    System.out.printf(
        Locale.ROOT,
        "%ngoals: heap for 1M waiting <= 1 GiB: %s (%.2f GiB); timers >= 50k/s: %s; events >= 50k/s: %s%n",
        gib <= 1 ? "met" : "NOT met",
        gib,
        engineTimers >= 50_000 ? "met" : "NOT met",
        engineEvents >= 50_000 ? "met" : "NOT met");
  }

  /** Profiles waiting in one flow, and their timers in due order. */
  static final class Waiting {
    final Flow flow;
    final FlowEngine engine;
    final ProfileId[] ids;
    final Map<ProfileId, FlowState> states;
    final Map<ProfileId, Instant> wakes;
    final FlowEvent trigger;

    Waiting(Flow flow, int n) {
      this.flow = flow;
      this.engine = new FlowEngine(flow, POLICY, SEED);
      this.ids = new ProfileId[n];
      this.states = new HashMap<>();
      this.wakes = new HashMap<>();
      this.trigger =
          new FlowEvent(
              ((Trigger.OnEvent) flow.trigger()).match().event(), T0, JsonValue.Obj.EMPTY);
      SplittableRandom random = new SplittableRandom(n);
      for (int i = 0; i < n; i++) {
        ids[i] = new ProfileId("u_%016x".formatted(random.nextLong()));
      }
    }

    /** Every profile enters (trigger at its own time: one every 100 ms) and waits 2 days. */
    Waiting engine() {
      for (int i = 0; i < ids.length; i++) {
        Instant at = T0.plusMillis(100L * i);
        FlowEvent event = new FlowEvent(trigger.name(), at, JsonValue.Obj.EMPTY);
        Decisions d =
            engine.handle(
                FlowState.none(ids[i], flow.id(), flow.version()),
                context(ids[i], List.of(event)),
                new Input.EventArrived(event),
                at);
        states.put(ids[i], d.state());
      }
      return this;
    }

    /** The floor: a map of profile to its wake-up time. */
    Waiting baseline() {
      for (int i = 0; i < ids.length; i++) {
        wakes.put(ids[i], T0.plusMillis(100L * i).plus(Duration.ofDays(2)));
      }
      return this;
    }

    /** Fires every timer in due order; returns timers per second. */
    double fireAll() {
      long started = System.nanoTime();
      long fired = 0;
      if (!states.isEmpty()) {
        for (ProfileId id : ids) {
          FlowState state = states.get(id);
          Instant due = state.wakeAt().orElseThrow();
          Decisions d =
              engine.handle(state, context(id, List.of(trigger)), new Input.TimerFired(due), due);
          if (d.state().wakeAt().isPresent()) {
            states.put(id, d.state());
          } else {
            states.remove(id);
          }
          fired++;
        }
      } else {
        for (ProfileId id : ids) {
          Instant due = wakes.get(id);
          if (due != null) {
            wakes.remove(id);
            fired++;
          }
        }
      }
      return fired / seconds(started);
    }
  }

  /** A stream of events over many profiles, each evaluated against every live flow. */
  static final class EventRun {
    final List<FlowEngine> engines = new ArrayList<>();
    final String[] triggers;
    final ProfileId[] ids;
    final int[] profileOf;
    final FlowEvent[] events;

    EventRun(List<Flow> flows, int profiles, int n) {
      triggers = new String[flows.size()];
      for (int f = 0; f < flows.size(); f++) {
        engines.add(new FlowEngine(flows.get(f), POLICY, SEED));
        triggers[f] = ((Trigger.OnEvent) flows.get(f).trigger()).match().event();
      }
      SplittableRandom random = new SplittableRandom(42);
      ids = new ProfileId[profiles];
      for (int i = 0; i < profiles; i++) {
        ids[i] = new ProfileId("u_%016x".formatted(random.nextLong()));
      }
      profileOf = new int[n];
      events = new FlowEvent[n];
      for (int i = 0; i < n; i++) {
        profileOf[i] = random.nextInt(profiles);
        List<String> names = random.nextBoolean() ? FlowWorkload.TRIGGERS : FlowWorkload.OTHERS;
        String name = names.get(random.nextInt(names.size()));
        events[i] = new FlowEvent(name, T0.plusMillis(20L * i), JsonValue.Obj.EMPTY);
      }
    }

    /** Each event to each flow's engine, state looked up and stored; returns events per second. */
    double engine() {
      List<Map<ProfileId, FlowState>> states = new ArrayList<>();
      engines.forEach(e -> states.add(new HashMap<>()));
      long started = System.nanoTime();
      for (int i = 0; i < events.length; i++) {
        ProfileId id = ids[profileOf[i]];
        FlowEvent event = events[i];
        ProfileContext context = context(id, List.of(event));
        Input input = new Input.EventArrived(event);
        for (int f = 0; f < engines.size(); f++) {
          FlowEngine engine = engines.get(f);
          Map<ProfileId, FlowState> map = states.get(f);
          FlowState state = map.get(id);
          if (state == null) {
            state = FlowState.none(id, engine.flow().id(), engine.flow().version());
          }
          Decisions d = engine.handle(state, context, input, event.timestamp());
          if (d.state() != state) {
            map.put(id, d.state());
          }
        }
      }
      return events.length / seconds(started);
    }

    /** The floor: look up each flow's state and compare the trigger event name. */
    double baseline() {
      List<Map<ProfileId, Object>> states = new ArrayList<>();
      engines.forEach(e -> states.add(new HashMap<>()));
      Object inside = new Object();
      long started = System.nanoTime();
      for (int i = 0; i < events.length; i++) {
        ProfileId id = ids[profileOf[i]];
        String name = events[i].name();
        for (int f = 0; f < triggers.length; f++) {
          Map<ProfileId, Object> map = states.get(f);
          if (map.get(id) == null && triggers[f].equals(name)) {
            map.put(id, inside);
          }
        }
      }
      return events.length / seconds(started);
    }
  }

  static ProfileContext context(ProfileId id, List<FlowEvent> events) {
    return new ProfileContext(
        id, TRAITS, ZoneOffset.UTC, Consent.DEFAULT, events, List.of(), List.of());
  }

  static String[] row(String measure, double engine, double baseline) {
    return new String[] {
      measure,
      String.format(Locale.ROOT, "%,.0f", engine),
      String.format(Locale.ROOT, "%,.0f", baseline),
      String.format(Locale.ROOT, "%.2f", engine / baseline)
    };
  }

  static double mib(long bytes) {
    return bytes / (double) (1 << 20);
  }

  static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
