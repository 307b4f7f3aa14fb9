package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import trailmap.eventlog.EventLog;
import trailmap.events.Event;
import trailmap.flows.Condition;
import trailmap.flows.Cron;
import trailmap.flows.Flow;
import trailmap.flows.FlowEvent;
import trailmap.flows.Split;
import trailmap.flows.Step;
import trailmap.flows.Trigger;
import trailmap.flows.engine.Decisions;
import trailmap.flows.engine.FlowEngine;
import trailmap.flows.engine.FlowState;
import trailmap.flows.engine.Input;
import trailmap.flows.engine.MapEntries;
import trailmap.flows.engine.ProfileContext;
import trailmap.flows.policy.PendingMessage;
import trailmap.flows.policy.SentMessage;
import trailmap.maps.JourneyMap;
import trailmap.profiles.EventIdentities;
import trailmap.profiles.Identity;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileStore;
import trailmap.segments.SegmentEvaluator;

/**
 * The runtime's work on flows.db, done by one thread at a time: a page of events from the log, or a
 * batch of due timers, each in one transaction with what it caused.
 */
final class FlowWork {
  private static final int EVENT_BATCH = 500;
  private static final int TIMER_BATCH = 500;
  private static final java.time.Duration HISTORY = java.time.Duration.ofDays(35);

  private final FlowStore store;
  private final ProfileStore profiles;
  private final IdentityRules rules;
  private final EventLog log;
  private final LongSupplier profilesApplied;
  private final Clock clock;
  private final FlowSettings settings;
  private final long seed;
  private final DecisionWriter writer;
  private final SegmentLink segments;
  private final Map<String, FlowEngine> engines = new HashMap<>();
  // Volatile: idle() reads it from the caller's thread to tell a change not yet loaded.
  private volatile long loadedGeneration = -1;
  private Map<String, Integer> published = Map.of();

  /** The published flows with a schedule trigger (in their current version), by flow id. */
  private volatile Map<String, Cron> schedules = Map.of();

  private boolean needsEvents;

  /** The maps that published flows' touchpoint and stage triggers name. */
  private Set<String> triggerMaps = Set.of();

  private volatile Function<String, Optional<JourneyMap>> maps = id -> Optional.empty();

  FlowWork(
      FlowStore store,
      ProfileStore profiles,
      IdentityRules rules,
      EventLog log,
      LongSupplier profilesApplied,
      Clock clock,
      FlowSettings settings,
      long seed,
      DecisionWriter writer,
      SegmentLink segments) {
    this.segments = segments;
    this.store = store;
    this.profiles = profiles;
    this.rules = rules;
    this.log = log;
    this.profilesApplied = profilesApplied;
    this.clock = clock;
    this.settings = settings;
    this.seed = seed;
    this.writer = writer;
  }

  long position() {
    return store.position();
  }

  boolean idle() {
    long now = clock.millis();
    return loadedGeneration == store.generation()
        && store.position() >= Math.min(log.end(), profilesApplied.getAsLong())
        && store.db().read(c -> FlowStates.due(c, now, 1).isEmpty())
        && segments.enteredAfter(segmentPosition(), 1).next() == segmentPosition()
        && store.db().read(c -> apiCalls(c, 1).isEmpty())
        && store.db().read(c -> ScheduleTimers.due(c, now, 1).isEmpty())
        && schedulesSeeded();
  }

  /** Carries out the next API triggers (oldest first); returns how many it handled. */
  int processApiCalls() {
    reload();
    List<Object[]> calls = store.db().read(c -> apiCalls(c, EVENT_BATCH));
    Instant now = now();
    for (Object[] call : calls) {
      long id = (Long) call[0];
      String flowId = (String) call[1];
      Integer version = published.get(flowId);
      Optional<ProfileView> view =
          version == null
              ? Optional.empty()
              : ProfileView.load(profiles, new ProfileId((String) call[2]), needsEvents, now);
      store
          .db()
          .transaction(
              c -> {
                if (Sql.update(c, "DELETE FROM api_calls WHERE id = ?", id) == 1
                    && view.isPresent()) {
                  Map<String, FlowState> states = FlowStates.of(c, view.get().id());
                  handleOne(c, view.get(), flowId, version, states, new Input.ApiCalled(), now);
                }
                return null;
              });
    }
    return calls.size();
  }

  /** Uses {@code lookup} for the maps that touchpoint and stage triggers name (latest version). */
  void maps(Function<String, Optional<JourneyMap>> lookup) {
    this.maps = lookup;
  }

  /**
   * The touchpoints and stages of the trigger maps that {@code event} enters: every touchpoint
   * whose matcher it satisfies, and each such touchpoint's stage once. The flows' entry rules
   * decide what a repeated entry does.
   */
  private static List<Input> entered(Event event, Map<String, JourneyMap> maps) {
    return MapEntries.entered(maps.values(), matcher -> SegmentEvaluator.matches(matcher, event));
  }

  private static List<Object[]> apiCalls(Connection c, int limit) throws SQLException {
    List<Object[]> out = new ArrayList<>();
    try (var statement =
        c.prepareStatement("SELECT id, flow_id, profile_id FROM api_calls ORDER BY id LIMIT ?")) {
      statement.setInt(1, limit);
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          out.add(new Object[] {rows.getLong(1), rows.getString(2), rows.getString(3)});
        }
      }
    }
    return out;
  }

  private void reload() {
    long generation = store.generation();
    if (generation == loadedGeneration) {
      return;
    }
    Map<String, Integer> current = new HashMap<>();
    for (String[] row : store.published()) {
      current.put(row[0], Integer.parseInt(row[1]));
    }
    published = Map.copyOf(current);
    needsEvents = false;
    Set<String> mapIds = new HashSet<>();
    for (Map.Entry<String, Integer> e : published.entrySet()) {
      Flow flow = engine(e.getKey(), e.getValue()).flow();
      needsEvents |= usesDid(flow);
      switch (flow.trigger()) {
        case Trigger.TouchpointEntered t -> mapIds.add(t.mapId());
        case Trigger.StageEntered t -> mapIds.add(t.mapId());
        default -> {}
      }
    }
    triggerMaps = Set.copyOf(mapIds);
    Map<String, Cron> crons = new HashMap<>();
    for (Map.Entry<String, Integer> e : published.entrySet()) {
      if (engine(e.getKey(), e.getValue()).flow().trigger() instanceof Trigger.Schedule schedule) {
        crons.put(e.getKey(), schedule.cron());
      }
    }
    schedules = Map.copyOf(crons);
    restartChangedSchedules();
    loadedGeneration = generation;
  }

  private FlowEngine engine(String flowId, int version) {
    return engines.computeIfAbsent(
        flowId + "@" + version,
        k -> new FlowEngine(store.load(flowId, version), settings.policy(), seed));
  }

  /**
   * The clock's time to the millisecond. flows.db keeps times in milliseconds: a timer set at a
   * finer instant would come back as a different one, which the engine rightly ignores as stale,
   * and the profile would never wake up (the system clock reads microseconds).
   */
  private Instant now() {
    return Instant.ofEpochMilli(clock.millis());
  }

  /** Handles the next page of events the profiles already hold; returns how many. */
  int processEvents() {
    reload();
    long limit = Math.min(log.end(), profilesApplied.getAsLong());
    long from = store.position();
    if (from >= limit) {
      return 0;
    }
    EventLog.Page page = log.readPage(from, (int) Math.min(EVENT_BATCH, limit - from));
    long next = Math.min(page.next(), limit);
    if (next <= from) {
      return 0;
    }
    Instant now = now();
    Map<String, JourneyMap> pageMaps = new HashMap<>();
    for (String mapId : triggerMaps) {
      maps.apply(mapId).ifPresent(m -> pageMaps.put(mapId, m));
    }
    List<Object[]> work = new ArrayList<>();
    for (EventLog.LogEntry entry : page.entries()) {
      if (entry.position() >= next || published.isEmpty()) {
        continue;
      }
      Optional<ProfileId> id = profileOf(entry.event());
      Optional<ProfileView> view = id.flatMap(p -> ProfileView.load(profiles, p, needsEvents, now));
      view.ifPresent(v -> work.add(new Object[] {entry.event(), v}));
    }
    store
        .db()
        .transaction(
            c -> {
              if (FlowStore.position(c) != from) {
                throw new IllegalStateException(
                    "flows.db moved from position " + from + " while a page was read");
              }
              for (Object[] item : work) {
                Event event = (Event) item[0];
                handleAll(
                    c, (ProfileView) item[1], new Input.EventArrived(FlowEvent.of(event)), now);
                for (Input entered : entered(event, pageMaps)) {
                  handleAll(c, (ProfileView) item[1], entered, now);
                }
                ensureScheduled(c, (ProfileView) item[1], now);
              }
              Sql.update(c, "UPDATE processor SET position = ? WHERE id = 1", next);
              return null;
            });
    return (int) (next - from);
  }

  /**
   * Starts {@code segment} triggered flows for profiles that entered a segment, a page at a time;
   * the feed position commits with what the entries caused. Returns how many feed rows it passed.
   */
  int processSegmentEntries() {
    reload();
    long from = segmentPosition();
    SegmentLink.Page page = segments.enteredAfter(from, EVENT_BATCH);
    if (page.next() <= from) {
      return 0;
    }
    Instant now = clock.instant();
    List<Object[]> work = new ArrayList<>();
    for (SegmentLink.Entered entry : page.entered()) {
      if (!published.isEmpty()) {
        ProfileView.load(profiles, entry.profile(), needsEvents, now)
            .ifPresent(v -> work.add(new Object[] {entry.segmentId(), v}));
      }
    }
    store
        .db()
        .transaction(
            c -> {
              if (segmentPosition(c) != from) {
                throw new IllegalStateException("the segment feed moved from " + from);
              }
              for (Object[] item : work) {
                handleAll(
                    c, (ProfileView) item[1], new Input.SegmentEntered((String) item[0]), now);
              }
              Sql.update(c, "UPDATE segment_feed SET position = ? WHERE id = 1", page.next());
              return null;
            });
    return (int) Math.max(1, page.next() - from);
  }

  private long segmentPosition() {
    return store.db().read(FlowWork::segmentPosition);
  }

  private static long segmentPosition(Connection c) throws SQLException {
    return Sql.one(c, "SELECT position FROM segment_feed WHERE id = 1", r -> r.getLong(1))
        .orElse(0L);
  }

  private Optional<ProfileId> profileOf(Event event) {
    for (Identity identity : EventIdentities.of(event, rules)) {
      Optional<ProfileId> id = profiles.resolve(new ProfileRef.ByIdentity(identity));
      if (id.isPresent()) {
        return id;
      }
    }
    return Optional.empty();
  }

  private void handleAll(Connection c, ProfileView view, Input input, Instant now)
      throws SQLException {
    Map<String, FlowState> states = FlowStates.of(c, view.id());
    for (Map.Entry<String, Integer> flow : published.entrySet()) {
      handleOne(c, view, flow.getKey(), flow.getValue(), states, input, now);
    }
  }

  private void handleOne(
      Connection c,
      ProfileView view,
      String flowId,
      int currentVersion,
      Map<String, FlowState> states,
      Input input,
      Instant now)
      throws SQLException {
    FlowState state =
        states.getOrDefault(flowId, FlowState.none(view.id(), flowId, currentVersion));
    FlowEngine engine = engine(flowId, state.inside() ? state.version() : currentVersion);
    List<PendingMessage> pending = new ArrayList<>();
    for (Map.Entry<String, FlowState> other : states.entrySet()) {
      Integer version = published.get(other.getKey());
      if (!other.getKey().equals(flowId) && version != null) {
        FlowState s = other.getValue();
        engine(other.getKey(), s.inside() ? s.version() : version)
            .pending(s)
            .ifPresent(pending::add);
      }
    }
    ProfileContext context =
        new ProfileContext(
            view.id(),
            view.traits(),
            view.zone(),
            FlowStore.consent(c, view.id().value()),
            view.events(),
            history(c, view.id(), now),
            pending);
    Decisions decisions = engine.handle(state, context, input, now);
    writer.write(c, engine.flow(), view, decisions, now.toEpochMilli());
    states.put(flowId, decisions.state());
  }

  private static List<SentMessage> history(Connection c, ProfileId id, Instant now)
      throws SQLException {
    return Sql.list(
        c,
        "SELECT sent_at, channel, flow_id FROM send_history WHERE profile_id = ? AND sent_at >= ?",
        r -> new SentMessage(Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getString(3)),
        id.value(),
        now.minus(HISTORY).toEpochMilli());
  }

  /**
   * Fires the timers due by the clock, a batch of them in one transaction that also deletes their
   * rows, so a wake-up fires once; returns how many fired.
   */
  int fireDueTimers() {
    reload();
    Instant now = now();
    List<FlowStates.Due> due =
        store.db().read(c -> FlowStates.due(c, now.toEpochMilli(), TIMER_BATCH));
    List<Optional<ProfileView>> views = new ArrayList<>(due.size());
    for (FlowStates.Due timer : due) {
      views.add(ProfileView.load(profiles, timer.profile(), needsEvents, now));
    }
    // One commit for the batch: with a transaction per timer, its fsync was nearly all of a
    // timer's cost (docs/flows-runtime.md). Each row is still deleted in the transaction that
    // carries out its decisions, so a wake-up fires once.
    store
        .db()
        .transaction(
            c -> {
              for (int i = 0; i < due.size(); i++) {
                FlowStates.Due timer = due.get(i);
                Integer current = published.get(timer.flowId());
                Optional<ProfileView> view = views.get(i);
                if (FlowStates.deleteTimer(c, timer.flowId(), timer.profile(), timer.dueMillis())
                        == 0
                    || current == null
                    || view.isEmpty()) {
                  continue;
                }
                Map<String, FlowState> states = FlowStates.of(c, timer.profile());
                Input fired = new Input.TimerFired(Instant.ofEpochMilli(timer.dueMillis()));
                handleOne(c, view.get(), timer.flowId(), current, states, fired, now);
              }
              return null;
            });
    return due.size();
  }

  /** Gives a profile that has none yet its next firing of every schedule flow (a new profile). */
  private void ensureScheduled(Connection c, ProfileView view, Instant now) throws SQLException {
    for (Map.Entry<String, Cron> schedule : schedules.entrySet()) {
      ScheduleTimers.ensure(
          c,
          schedule.getKey(),
          view.id(),
          ScheduleTimers.next(schedule.getValue(), view.zone(), now));
    }
  }

  /**
   * Gives the next page of stored profiles their first firing of a schedule flow that is still
   * being swept (one page per call, so events keep flowing during a sweep of millions); the sweep's
   * position commits with the firings. A flow published with another cron than its sweep's starts
   * over. Returns how many profiles it visited, at least 1 when it did anything.
   */
  int seedSchedules() {
    reload();
    for (Map.Entry<String, Cron> schedule : schedules.entrySet()) {
      String flowId = schedule.getKey();
      Cron cron = schedule.getValue();
      Optional<ScheduleTimers.Seed> seed = store.db().read(c -> ScheduleTimers.seed(c, flowId));
      if (seed.isEmpty() || seed.get().done()) {
        continue;
      }
      String after = seed.get().after();
      List<ProfileId> ids = profiles.ids(after, EVENT_BATCH);
      Instant now = now();
      List<ProfileView> views = new ArrayList<>();
      for (ProfileId id : ids) {
        ProfileView.load(profiles, id, false, now).ifPresent(views::add);
      }
      String last = ids.isEmpty() ? after : ids.getLast().value();
      store
          .db()
          .transaction(
              c -> {
                Optional<ScheduleTimers.Seed> still = ScheduleTimers.seed(c, flowId);
                if (still.isEmpty() || !still.get().after().equals(after)) {
                  throw new IllegalStateException("the schedule sweep of '" + flowId + "' moved");
                }
                for (ProfileView view : views) {
                  ScheduleTimers.ensure(
                      c, flowId, view.id(), ScheduleTimers.next(cron, view.zone(), now));
                }
                ScheduleTimers.seeded(c, flowId, last, ids.size() < EVENT_BATCH);
                return null;
              });
      return Math.max(1, ids.size());
    }
    return 0;
  }

  /**
   * Starts the sweep over for every schedule flow published for the first time or with another cron
   * than its sweep's, dropping the old firings, before any of them can fire on the new cron.
   */
  private void restartChangedSchedules() {
    store
        .db()
        .transaction(
            c -> {
              for (Map.Entry<String, Cron> schedule : schedules.entrySet()) {
                String cron = schedule.getValue().expression();
                Optional<ScheduleTimers.Seed> seed = ScheduleTimers.seed(c, schedule.getKey());
                if (seed.isEmpty() || !seed.get().cron().equals(cron)) {
                  ScheduleTimers.restart(c, schedule.getKey(), cron);
                }
              }
              return null;
            });
  }

  private boolean schedulesSeeded() {
    for (Map.Entry<String, Cron> schedule : schedules.entrySet()) {
      Optional<ScheduleTimers.Seed> seed =
          store.db().read(c -> ScheduleTimers.seed(c, schedule.getKey()));
      if (seed.isEmpty()
          || !seed.get().done()
          || !seed.get().cron().equals(schedule.getValue().expression())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Fires the schedule firings due by the clock, a page in one transaction: each moves its row to
   * the profile's next firing (in its current time zone) and hands the flow a {@code ScheduleFired}
   * in the same transaction, so a firing happens once. A firing missed while the server was down or
   * the flow paused fires once, late; the next is counted from now, so no backlog of firings
   * follows. Rows of profiles erased or merged into another, and of flows no longer on a schedule,
   * are dropped. Returns how many rows it passed.
   */
  int fireDueSchedules() {
    reload();
    Instant now = now();
    List<FlowStates.Due> due =
        store.db().read(c -> ScheduleTimers.due(c, now.toEpochMilli(), TIMER_BATCH));
    if (due.isEmpty()) {
      return 0;
    }
    Map<ProfileId, Optional<ProfileView>> views = new HashMap<>();
    for (FlowStates.Due firing : due) {
      views.computeIfAbsent(firing.profile(), id -> current(id, now));
    }
    store
        .db()
        .transaction(
            c -> {
              for (FlowStates.Due firing : due) {
                Cron cron = schedules.get(firing.flowId());
                Integer version = published.get(firing.flowId());
                Optional<ProfileView> view = views.get(firing.profile());
                if (cron == null || version == null || view.isEmpty()) {
                  ScheduleTimers.delete(c, firing.flowId(), firing.profile());
                  continue;
                }
                Instant after =
                    Instant.ofEpochMilli(Math.max(firing.dueMillis(), now.toEpochMilli()));
                long next = ScheduleTimers.next(cron, view.get().zone(), after);
                if (ScheduleTimers.advance(
                    c, firing.flowId(), firing.profile(), firing.dueMillis(), next)) {
                  Map<String, FlowState> states = FlowStates.of(c, firing.profile());
                  handleOne(
                      c,
                      view.get(),
                      firing.flowId(),
                      version,
                      states,
                      new Input.ScheduleFired(),
                      now);
                }
              }
              return null;
            });
    return due.size();
  }

  /** The profile as the runtime sees it, unless it was erased or merged into another one. */
  private Optional<ProfileView> current(ProfileId id, Instant now) {
    if (!profiles.resolve(new ProfileRef.ById(id)).equals(Optional.of(id))) {
      return Optional.empty();
    }
    return ProfileView.load(profiles, id, needsEvents, now);
  }

  private static boolean usesDid(Flow flow) {
    for (Step step : flow.steps()) {
      if (step instanceof Split split && split.rule() instanceof Split.ByCondition by) {
        for (Split.Branch b : by.branches()) {
          if (usesDid(b.condition())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean usesDid(Condition condition) {
    return switch (condition) {
      case Condition.Did d -> true;
      case Condition.Not n -> usesDid(n.condition());
      case Condition.Traits t -> false;
    };
  }
}
