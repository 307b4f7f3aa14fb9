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
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileStore;
import trailmap.segments.SegmentEvaluator;
import trailmap.store.Database;

/**
 * The runtime's work on flows.db, done by one thread at a time: a page of events from the log, or a
 * batch of due timers, each in one transaction with what it caused.
 */
final class FlowWork implements AutoCloseable {
  private static final int EVENT_BATCH = 500;
  private static final int TIMER_BATCH = 500;

  private final FlowStore store;
  private final ProfileStore profiles;
  private final EventLog log;
  private final LongSupplier profilesApplied;
  private final Clock clock;
  private final FlowSettings settings;
  private final long seed;
  private final DecisionWriter writer;
  private final SegmentLink segments;
  private final Map<VersionKey, Loaded> engines = new HashMap<>();
  // Volatile: idle() reads it from the caller's thread to tell a change not yet loaded.
  private volatile long loadedGeneration = -1;
  private Map<String, Integer> published = Map.of();

  /** A flow version's engine, and the events its {@code did} conditions count (by name). */
  private record Loaded(FlowEngine engine, Set<String> didEvents) {}

  /**
   * Which version of which flow: the engines' key, looked up for every flow an event may concern (a
   * text key built for each lookup was 5 % of the flow thread's time for events).
   */
  private record VersionKey(String flowId, int version) {}

  /** {@link #didEvents()} as of {@code didEventsOf} loaded versions. */
  private Set<String> didEvents = Set.of();

  private int didEventsOf;

  /** The views of the next batch of due timers, read while this one is carried out. */
  private final ViewsAhead viewsAhead;

  /** The next page of events with its holders' views, read while this one is carried out. */
  private final PageAhead pageAhead;

  /** Schedule triggers: each profile's next firing of each schedule flow, and the sweeps. */
  private final ScheduleWork scheduleWork;

  /** The maps that published flows' touchpoint and stage triggers name. */
  private Set<String> triggerMaps = Set.of();

  private volatile Function<String, Optional<JourneyMap>> maps = id -> Optional.empty();

  /**
   * Runs on the flow thread between a page's read of its profiles' flow states and the page's
   * transaction, where another writer of flows.db (a publish, an erasure) may come in. Tests put
   * such a write there ({@link FlowRuntime#beforePageTransaction}); it does nothing otherwise.
   */
  private volatile Runnable beforePageTransaction = () -> {};

  FlowWork(
      FlowStore store,
      ProfileStore profiles,
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
    this.log = log;
    this.profilesApplied = profilesApplied;
    this.clock = clock;
    this.settings = settings;
    this.seed = seed;
    this.writer = writer;
    this.scheduleWork = new ScheduleWork(store, profiles, this);
    this.viewsAhead = new ViewsAhead(profiles, store.states());
    this.pageAhead = new PageAhead(log, profiles, store.states(), profilesApplied, EVENT_BATCH);
  }

  /**
   * The count changes of the round's transaction in progress ({@link #roundTransaction}); null
   * outside one. Flow thread only.
   */
  private RoundChanges counts;

  /**
   * Runs a round's work (a page of events, a batch of timers, segment entries, API calls, schedule
   * firings) in one transaction committed without waiting for the disk ({@link
   * FlowStore#changing}), which writes the count changes of the decisions it carried out before it
   * commits and hands its state writes to the held states ({@link RoundChanges}). Decisions are
   * carried out only in here: {@link #handleOne} refuses to run outside, so none can leave its
   * counts unwritten or the held states behind. A round that fails takes its changes with it.
   */
  <T> T roundTransaction(Database.Work<T> work) {
    if (counts != null) {
      throw new IllegalStateException("a round's transaction is open already");
    }
    RoundChanges changes = new RoundChanges();
    try {
      return store.changing(
          changes,
          c -> {
            counts = changes;
            return work.run(c);
          });
    } finally {
      counts = null;
    }
  }

  /** Stops the threads that read ahead. */
  @Override
  public void close() {
    viewsAhead.close();
    pageAhead.close();
  }

  /** See {@link #beforePageTransaction}. */
  void beforePageTransaction(Runnable hook) {
    beforePageTransaction = hook;
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
        && scheduleWork.idle(now);
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
      ProfileId profile = new ProfileId((String) call[2]);
      ProfileReads reads = new ProfileReads(profiles, store.states(), now);
      // The call was accepted for a stored profile: gone now, the person was erased meanwhile.
      boolean erased = reads.view(profile, didEvents()).isEmpty();
      roundTransaction(
          c -> {
            if (Sql.update(c, "DELETE FROM api_calls WHERE id = ?", id) == 1) {
              if (erased) {
                // Its history row was written after the erasure deleted the person's rows.
                Sql.update(c, "DELETE FROM api_call_log WHERE profile_id = ?", profile.value());
              } else if (version != null) {
                handleOne(c, reads, profile, flowId, version, new Input.ApiCalled(), now);
              }
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
    return MapEntries.entered(
        maps.values(), event.timestamp(), matcher -> SegmentEvaluator.matches(matcher, event));
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
    store.states().warm(store.db());
    long generation = store.generation();
    if (generation == loadedGeneration) {
      return;
    }
    Map<String, Integer> current = new HashMap<>();
    for (String[] row : store.published()) {
      current.put(row[0], Integer.parseInt(row[1]));
    }
    published = Map.copyOf(current);
    Set<String> mapIds = new HashSet<>();
    for (Map.Entry<String, Integer> e : published.entrySet()) {
      Flow flow = engine(e.getKey(), e.getValue()).flow();
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
    scheduleWork.load(crons);
    loadedGeneration = generation;
  }

  private FlowEngine engine(String flowId, int version) {
    return loaded(flowId, version).engine();
  }

  private Loaded loaded(String flowId, int version) {
    return engines.computeIfAbsent(
        new VersionKey(flowId, version),
        k -> {
          Flow flow = store.load(flowId, version);
          return new Loaded(new FlowEngine(flow, settings.policy(), seed), didEvents(flow));
        });
  }

  /** The version of the flow that is published, if it is. */
  Optional<Integer> publishedVersion(String flowId) {
    return Optional.ofNullable(published.get(flowId));
  }

  /**
   * The events every flow version loaded so far counts in {@code did} conditions: what a profile's
   * view is read with before a transaction, so that no flow it is handed to inside the transaction
   * (on whichever version the profile is) has to read profiles.db again. Only a version first met
   * inside a transaction can add names, and with them one read.
   */
  Set<String> didEvents() {
    if (didEventsOf != engines.size()) {
      Set<String> out = new HashSet<>();
      for (Loaded loaded : engines.values()) {
        out.addAll(loaded.didEvents());
      }
      didEvents = Set.copyOf(out);
      didEventsOf = engines.size();
    }
    return didEvents;
  }

  /**
   * The clock's time to the millisecond. flows.db keeps times in milliseconds: a timer set at a
   * finer instant would come back as a different one, which the engine rightly ignores as stale,
   * and the profile would never wake up (the system clock reads microseconds).
   */
  private Instant now() {
    return Instant.ofEpochMilli(clock.millis());
  }

  /**
   * Handles the next page of events the profiles already hold; returns how many.
   *
   * <p>An event is handed only to the flows it concerns ({@link FlowEngine#concerns}): those the
   * profile is in and those it triggers. A profile the page concerns nowhere is not read at all,
   * and one it does is read once for the page ({@link ProfileReads}), with the events the loaded
   * flow versions' {@code did} conditions count ({@link #didEvents()}).
   */
  int processEvents() {
    reload();
    long from = store.position();
    long erasures = erasuresSoFar();
    Instant now = now();
    ProfileReads reads = new ProfileReads(profiles, store.states(), now);
    EventLog.Page page;
    long next;
    Map<Long, ProfileId> holders;
    Optional<PageAhead.Read> readAhead =
        published.isEmpty() ? Optional.empty() : pageAhead.take(from, erasures);
    if (readAhead.isPresent()) {
      page = readAhead.get().page();
      next = readAhead.get().next();
      holders = readAhead.get().holders();
      reads.adopt(readAhead.get().reads());
    } else {
      long limit = Math.min(log.end(), profilesApplied.getAsLong());
      if (from >= limit) {
        return 0;
      }
      page = log.readPage(from, (int) Math.min(EVENT_BATCH, limit - from));
      next = Math.min(page.next(), limit);
      if (next <= from) {
        return 0;
      }
      // Who holds each event now, as the profile store attributed it (merges included): one read
      // for the page instead of an identity lookup per event.
      holders = published.isEmpty() ? Map.of() : profiles.holders(from, next);
    }
    Map<String, JourneyMap> pageMaps = new HashMap<>();
    for (String mapId : triggerMaps) {
      maps.apply(mapId).ifPresent(m -> pageMaps.put(mapId, m));
    }
    List<PageEvent> work = new ArrayList<>();
    for (EventLog.LogEntry entry : page.entries()) {
      ProfileId holder = holders.get(entry.position());
      if (entry.position() < next && holder != null) {
        Event event = entry.event();
        List<Input> inputs = new ArrayList<>();
        inputs.add(new Input.EventArrived(FlowEvent.of(event)));
        inputs.addAll(entered(event, pageMaps));
        work.add(new PageEvent(holder, inputs));
      }
    }
    Involved concerned = involved(work, reads);
    Set<ProfileId> involved = concerned.profiles();
    // profiles.db is read before flows.db's transaction, so the flow thread never holds flows.db
    // (and the sender and API readers waiting on it) while the profile processor holds profiles.db.
    reads.views(involved, didEvents());
    if (!involved.isEmpty()) {
      pageAhead.readAhead(next, erasures, now, didEvents());
    }
    beforePageTransaction.run();
    roundTransaction(
        c -> {
          if (FlowStore.position(c) != from) {
            throw new IllegalStateException(
                "flows.db moved from position " + from + " while a page was read");
          }
          if (totalChanges(c) != concerned.changesAtRead()) {
            reads.forgetStates(); // something wrote flows.db since they were read
          }
          reads.preload(c, involved);
          // Profiles given their schedule firings on this page: once each, not once per event
          // (a second ensure would only find them there).
          Set<ProfileId> ensured = new HashSet<>();
          for (PageEvent item : work) {
            // An event whose identities are all junk lands on a profile of its own that nothing
            // can reach again (docs/profiles.md); flows leave it alone.
            if (!involved.contains(item.profile())
                || !reads
                    .view(item.profile(), Set.of())
                    .map(ProfileView::identified)
                    .orElse(false)) {
              continue;
            }
            for (Input input : item.inputs()) {
              handleAll(c, reads, item.profile(), input, now);
            }
            if (ensured.add(item.profile())) {
              scheduleWork.ensure(c, reads, item.profile(), now);
            }
          }
          Sql.update(c, "UPDATE processor SET position = ? WHERE id = 1", next);
          return null;
        });
    return (int) (next - from);
  }

  /** One event of a page: who holds it and what it hands the flows (the event, map entries). */
  private record PageEvent(ProfileId profile, List<Input> inputs) {}

  /**
   * The page's profiles some flow may act on, and flows.db's {@link #totalChanges} when their
   * states were read.
   */
  private record Involved(Set<ProfileId> profiles, long changesAtRead) {}

  /**
   * The page's profiles some flow may act on. A profile is left out when it is in no published flow
   * as the page starts, none of its inputs on the page triggers one, and it needs no schedule
   * firing: nothing on the page can then reach a flow (only a trigger puts a profile into one). The
   * states read to tell are held in {@code reads} for the page's transaction.
   */
  private Involved involved(List<PageEvent> work, ProfileReads reads) {
    Set<ProfileId> out = new HashSet<>();
    Map<ProfileId, List<Input>> byProfile = new HashMap<>();
    for (PageEvent item : work) {
      byProfile.computeIfAbsent(item.profile(), p -> new ArrayList<>()).addAll(item.inputs());
    }
    return store
        .db()
        .read(
            c -> {
              Map<ProfileId, FlowStates.Held> read = store.states().held(c, byProfile.keySet());
              for (Map.Entry<ProfileId, List<Input>> e : byProfile.entrySet()) {
                ProfileId id = e.getKey();
                FlowStates.Held held = read.getOrDefault(id, FlowStates.Held.none());
                reads.hold(id, held);
                boolean any = false;
                for (Map.Entry<String, Integer> flow : published.entrySet()) {
                  FlowState state = held.states().get(flow.getKey());
                  Integer in = state != null && state.inside() ? state.version() : null;
                  if (in != null) {
                    // Loaded now, a version the profile is on adds its did events to the views
                    // read before the transaction (didEvents()).
                    loaded(flow.getKey(), in);
                    any = true;
                  } else if (!any) {
                    FlowState start = FlowState.none(id, flow.getKey(), flow.getValue());
                    any = concernsAny(engine(flow.getKey(), flow.getValue()), start, e.getValue());
                  }
                }
                if (any || !scheduleWork.scheduled(c, id)) {
                  out.add(id);
                }
              }
              return new Involved(out, totalChanges(c));
            });
  }

  /**
   * How many rows the connection has written since it opened (SQLite's {@code total_changes()}):
   * every writer of flows.db shares the one connection, so states read while it stayed the same are
   * still current. The sender's updates move it too; the states are then only read again.
   */
  private static long totalChanges(Connection c) throws SQLException {
    return Sql.one(c, "SELECT total_changes()", r -> r.getLong(1)).orElseThrow();
  }

  private static boolean concernsAny(FlowEngine engine, FlowState state, List<Input> inputs) {
    for (Input input : inputs) {
      if (engine.concerns(state, input)) {
        return true;
      }
    }
    return false;
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
    // now(), not clock.instant(): a timer set from a finer instant would never fire (see now()).
    Instant now = now();
    ProfileReads reads = new ProfileReads(profiles, store.states(), now);
    List<SegmentLink.Entered> work = new ArrayList<>();
    for (SegmentLink.Entered entry : page.entered()) {
      if (!published.isEmpty() && reads.view(entry.profile(), didEvents()).isPresent()) {
        work.add(entry);
      }
    }
    roundTransaction(
        c -> {
          if (segmentPosition(c) != from) {
            throw new IllegalStateException("the segment feed moved from " + from);
          }
          for (SegmentLink.Entered entry : work) {
            handleAll(c, reads, entry.profile(), new Input.SegmentEntered(entry.segmentId()), now);
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

  /** Hands {@code input} to every published flow it concerns for the profile. */
  private void handleAll(
      Connection c, ProfileReads reads, ProfileId profile, Input input, Instant now)
      throws SQLException {
    Map<String, FlowState> states = reads.states(c, profile);
    for (Map.Entry<String, Integer> flow : published.entrySet()) {
      FlowState state = states.get(flow.getKey());
      boolean inside = state != null && state.inside();
      FlowState at = inside ? state : FlowState.none(profile, flow.getKey(), flow.getValue());
      if (engine(flow.getKey(), inside ? state.version() : flow.getValue()).concerns(at, input)) {
        handleOne(c, reads, profile, flow.getKey(), flow.getValue(), input, now);
      }
    }
  }

  /**
   * Hands {@code input} to one flow for the profile and carries out its decisions; a profile that
   * was erased, or holds no identity, is skipped.
   */
  void handleOne(
      Connection c,
      ProfileReads reads,
      ProfileId profile,
      String flowId,
      int currentVersion,
      Input input,
      Instant now)
      throws SQLException {
    handleOne(c, reads, profile, flowId, currentVersion, input, now, null);
  }

  /**
   * {@link #handleOne(Connection, ProfileReads, ProfileId, String, int, Input, Instant)} for the
   * input a wake-up caused: the state it writes disarms that wake-up ({@code firedAt}) in the same
   * statement. Returns whether it wrote the state; when it did not, the caller disarms the wake-up
   * itself.
   */
  private boolean handleOne(
      Connection c,
      ProfileReads reads,
      ProfileId profile,
      String flowId,
      int currentVersion,
      Input input,
      Instant now,
      Long firedAt)
      throws SQLException {
    RoundChanges roundCounts = counts;
    if (roundCounts == null) {
      throw new IllegalStateException(
          "decisions are carried out only in a round's transaction (FlowWork.roundTransaction)");
    }
    Map<String, FlowState> states = reads.states(c, profile);
    FlowState state = states.getOrDefault(flowId, FlowState.none(profile, flowId, currentVersion));
    Loaded loaded = loaded(flowId, state.inside() ? state.version() : currentVersion);
    Optional<ProfileView> found = reads.view(profile, didEvents());
    // An erased profile, or one holding no identity (its events' identities were all junk): a
    // profile nothing can reach again, which no trigger (event, schedule sweep, segment) may start.
    if (found.isEmpty() || !found.get().identified()) {
      return false;
    }
    ProfileView view = found.get();
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
            profile,
            view.traits(),
            view.zone(),
            reads.consent(c, profile),
            view.events(),
            reads.history(c, profile),
            pending);
    Decisions decisions = loaded.engine().handle(state, context, input, now);
    if (decisions.decisions().isEmpty() && decisions.state().equals(state)) {
      return false; // nothing changed: no state row to write again
    }
    for (SentMessage sent :
        writer.write(
            c,
            reads.numbered(c, profile),
            loaded.engine().flow(),
            view,
            decisions,
            now.toEpochMilli(),
            firedAt,
            states.get(flowId),
            roundCounts)) {
      reads.sent(profile, sent);
    }
    states.put(flowId, decisions.state());
    return decisions.state().entries() > 0; // DecisionWriter writes the state of an entered one
  }

  /**
   * Fires the timers due by the clock, a batch of them in one transaction that also disarms them,
   * so a wake-up fires once; returns how many fired. A timer is checked against the wake-up armed
   * in the profile's row as the transaction reads it, and disarmed by the statement that writes the
   * state it caused (or by one of its own when it caused none).
   */
  int fireDueTimers() {
    reload();
    Instant now = now();
    // Two batches' worth: this one's, and the next one's, whose views are read on the other core
    // while this one is carried out (ViewsAhead).
    List<FlowStates.Due> both =
        store.db().read(c -> FlowStates.due(c, now.toEpochMilli(), 2 * TIMER_BATCH));
    List<FlowStates.Due> due = both.subList(0, Math.min(TIMER_BATCH, both.size()));
    long erasures = erasuresSoFar();
    ProfileReads reads = viewsAhead.take(due, erasures, now, didEvents());
    viewsAhead.readAhead(both.subList(due.size(), both.size()), erasures, now, didEvents());
    // One commit for the batch: with a transaction per timer, its fsync was nearly all of a
    // timer's cost (docs/flows-runtime.md). Each wake-up is still disarmed in the transaction that
    // carries out its decisions, so it fires once.
    roundTransaction(
        c -> {
          reads.preload(c, due.stream().map(FlowStates.Due::profile).toList());
          for (FlowStates.Due timer : due) {
            ProfileId profile = timer.profile();
            long at = timer.dueMillis();
            Integer current = published.get(timer.flowId());
            if (current == null) {
              // Published when found due but not as this round loaded the flows (resumed in
              // between): left armed, for the next round, whose reload sees the flow. Disarming
              // it here lost the profile's wake-up for good.
              continue;
            }
            if (!reads.armed(c, profile, timer.flowId()).equals(Optional.of(at))
                && !reads.armedInFile(c, profile, timer.flowId()).equals(Optional.of(at))) {
              continue; // fired already, or armed for another time since it was found due
            }
            reads.fired(profile, timer.flowId());
            Input fired = new Input.TimerFired(Instant.ofEpochMilli(at));
            if (!handleOne(c, reads, profile, timer.flowId(), current, fired, now, at)) {
              FlowStates.disarm(c, timer.flowId(), profile, at, counts);
            }
          }
          return null;
        });
    return due.size();
  }

  /**
   * A count that moves whenever an erasure starts or commits in profiles.db or flows.db: what was
   * read ahead under one count is used only under the same count. flows.db's alone would miss an
   * erasure whose flows.db step failed (it stays pending while profiles.db no longer holds the
   * person).
   */
  private long erasuresSoFar() {
    return store.erasures() + profiles.deletions();
  }

  /** See {@link ScheduleWork#seed}. */
  int seedSchedules() {
    reload();
    return scheduleWork.seed(now());
  }

  /** See {@link ScheduleWork#fireDue}. */
  int fireDueSchedules() {
    reload();
    return scheduleWork.fireDue(now());
  }

  /** The events a flow's {@code did} conditions count: only split branches have them. */
  private static Set<String> didEvents(Flow flow) {
    Set<String> out = new HashSet<>();
    for (Step step : flow.steps()) {
      if (step instanceof Split split && split.rule() instanceof Split.ByCondition by) {
        for (Split.Branch b : by.branches()) {
          didEvents(b.condition(), out);
        }
      }
    }
    return Set.copyOf(out);
  }

  private static void didEvents(Condition condition, Set<String> out) {
    switch (condition) {
      case Condition.Did d -> out.add(d.match().event());
      case Condition.Not n -> didEvents(n.condition(), out);
      case Condition.Traits t -> {}
    }
  }
}
