package trailmap.flows.dryrun;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trailmap.analytics.Conditions;
import trailmap.analytics.EventTable;
import trailmap.analytics.matching.TouchpointMatching;
import trailmap.events.JsonValue;
import trailmap.flows.Cron;
import trailmap.flows.Exit;
import trailmap.flows.Flow;
import trailmap.flows.FlowEvent;
import trailmap.flows.Goal;
import trailmap.flows.Trigger;
import trailmap.flows.engine.Decision;
import trailmap.flows.engine.Decisions;
import trailmap.flows.engine.FlowEngine;
import trailmap.flows.engine.FlowState;
import trailmap.flows.engine.Input;
import trailmap.flows.engine.MapEntries;
import trailmap.flows.engine.Outcome;
import trailmap.flows.engine.ProfileContext;
import trailmap.flows.policy.Consent;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.policy.SentMessage;
import trailmap.maps.JourneyMap;
import trailmap.maps.Scalar;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;
import trailmap.profiles.ProfileId;

/**
 * Replays stored events through one flow on simulated time and counts what would have happened;
 * nothing is sent. Usage:
 *
 * <pre>{@code
 * DryRun dryRun = new DryRun(flow, MessagePolicy.PERMISSIVE, seed, ZoneOffset.UTC);
 * DryRunResult result = dryRun.run(table, new DryRunRange(from, to));
 * result.step("welcome-email").sent();
 * }</pre>
 *
 * <p>Each profile is simulated on its own, as the engine sees it live: its events in {@code [from,
 * to)} arrive in table order (time order); before each event, its timer fires if due at or before
 * the event's time, at its due time; after the last event, a timer due before {@code to} fires; a
 * run still inside at {@code to} counts as waiting. For a schedule trigger, the cron fires for each
 * profile at its times in {@code [from, to)} in the profile's zone ({@link Cron#next(Instant,
 * ZoneId)}, as the runtime computes it), interleaved with its events and timers in time order (at
 * one instant: the timer, then the firing, then the event), and only after the profile's first
 * stored event: live, a profile gets its first firing when it is first seen. Events before {@code
 * from} are not replayed but are part of the profile's history for {@code did} conditions. Trait
 * updates the flow makes apply to the simulated traits; segment additions feed the flow's own
 * segment trigger; sends count towards the flow's own frequency caps.
 *
 * <p>What the table cannot tell is assumed: traits are the profile's <em>current</em> traits
 * throughout (the table has no trait history), the time zone is the {@code timezone} trait (else
 * {@code defaultZone}), consent is the default (nothing unsubscribed), and messages of other flows
 * are unknown, so caps count this flow's messages only. Event and schedule triggers are replayed,
 * and touchpoint and stage triggers against the map they name (an event entering a touchpoint of
 * it, as live); segment and API triggers cannot be (membership history and API calls are not
 * stored).
 *
 * <p>Deterministic: the same table, range, policy and seed give the same result (assignments are
 * the engine's seeded hashes). Immutable; {@link #run} may be called from several threads on
 * disjoint profile ranges and the results {@link DryRunResult#plus added}.
 */
public final class DryRun {
  private final Flow flow;
  private final FlowEngine engine;
  private final MessagePolicy policy;
  private final ZoneId defaultZone;
  private final Optional<JourneyMap> map;
  private final Optional<Cron> cron;

  /**
   * For a flow with an {@code event} or {@code schedule} trigger.
   *
   * @param seed the workspace seed for holdout and split assignment, as the live engine uses it
   * @param defaultZone the zone of profiles without a valid {@code timezone} trait
   * @throws IllegalArgumentException when the flow's trigger cannot be replayed ({@link #problems})
   */
  public DryRun(Flow flow, MessagePolicy policy, long seed, ZoneId defaultZone) {
    this(flow, Optional.empty(), policy, seed, defaultZone);
  }

  /**
   * For a flow with an {@code event}, {@code schedule}, {@code touchpoint} or {@code stage}
   * trigger.
   *
   * @param map the map a touchpoint or stage trigger names (its current version): an event that
   *     satisfies one of its touchpoints' matchers enters that touchpoint and its stage, as live
   *     ({@link MapEntries}); ignored for event and schedule triggers
   * @throws IllegalArgumentException when the flow's trigger cannot be replayed ({@link
   *     #problems(Flow, Optional)})
   */
  public DryRun(
      Flow flow, Optional<JourneyMap> map, MessagePolicy policy, long seed, ZoneId defaultZone) {
    List<String> problems = problems(flow, map);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    this.flow = flow;
    this.policy = policy;
    this.engine = new FlowEngine(flow, policy, seed);
    this.defaultZone = defaultZone;
    this.map =
        switch (flow.trigger()) {
          case Trigger.TouchpointEntered t -> map;
          case Trigger.StageEntered st -> map;
          default -> Optional.empty();
        };
    this.cron =
        flow.trigger() instanceof Trigger.Schedule schedule
            ? Optional.of(schedule.cron())
            : Optional.empty();
  }

  /** Why the flow cannot be dry-run without a map; empty when it can. */
  public static List<String> problems(Flow flow) {
    return problems(flow, Optional.empty());
  }

  /**
   * Why the flow cannot be dry-run with {@code map} as the map its trigger names; empty when it
   * can. Event and schedule triggers need no map; touchpoint and stage triggers need the map they
   * name, holding the touchpoint or stage; segment and API triggers cannot be replayed, and the
   * problem says why and what to dry-run instead.
   */
  public static List<String> problems(Flow flow, Optional<JourneyMap> map) {
    return switch (flow.trigger()) {
      case Trigger.OnEvent e -> List.of();
      case Trigger.Schedule s -> List.of();
      case Trigger.TouchpointEntered t -> {
        Optional<String> problem =
            mapProblem(flow, t.mapId(), "touchpoint '" + t.touchpointId() + "'", map);
        if (problem.isEmpty() && map.get().touchpoint(t.touchpointId()).isEmpty()) {
          problem =
              Optional.of(
                  "map '%s' has no touchpoint '%s' (its touchpoints: %s); fix the flow's trigger"
                      .formatted(
                          t.mapId(),
                          t.touchpointId(),
                          String.join(", ", touchpointIds(map.get()))));
        }
        yield problem.stream().toList();
      }
      case Trigger.StageEntered st -> {
        Optional<String> problem =
            mapProblem(flow, st.mapId(), "stage '" + st.stageId() + "'", map);
        if (problem.isEmpty() && map.get().stage(st.stageId()).isEmpty()) {
          List<String> stages = map.get().stages().stream().map(Stage::id).toList();
          problem =
              Optional.of(
                  "map '%s' has no stage '%s' (its stages: %s); fix the flow's trigger"
                      .formatted(st.mapId(), st.stageId(), String.join(", ", stages)));
        }
        yield problem.stream().toList();
      }
      case Trigger.SegmentEntered s ->
          List.of(
              ("flow '%s' starts when a profile joins segment '%s', which a dry run cannot replay:"
                      + " segment membership history is not stored (only who is in a segment now),"
                      + " so when profiles joined is unknown; dry-run a copy of the flow whose"
                      + " trigger is the event, touchpoint or stage that puts profiles in the"
                      + " segment")
                  .formatted(flow.id(), s.segmentId()));
      case Trigger.Api a ->
          List.of(
              ("flow '%s' starts on an api trigger, which a dry run cannot replay: calls to POST"
                      + " /api/flows/%s/trigger are not stored, so there is nothing to replay;"
                      + " dry-run a copy of the flow with an event trigger on an event your system"
                      + " tracks when it makes the call")
                  .formatted(flow.id(), flow.id()));
    };
  }

  private static Optional<String> mapProblem(
      Flow flow, String mapId, String what, Optional<JourneyMap> map) {
    if (map.isEmpty()) {
      return Optional.of(
          "flow '%s' starts on %s of map '%s', but there is no map '%s' to replay it against; store the map first or fix the flow's trigger"
              .formatted(flow.id(), what, mapId, mapId));
    }
    if (!map.get().id().equals(mapId)) {
      return Optional.of(
          "flow '%s' starts on %s of map '%s', but the map given is '%s'"
              .formatted(flow.id(), what, mapId, map.get().id()));
    }
    return Optional.empty();
  }

  private static List<String> touchpointIds(JourneyMap map) {
    return map.stages().stream()
        .flatMap(stage -> stage.touchpoints().stream())
        .map(Touchpoint::id)
        .toList();
  }

  public Flow flow() {
    return flow;
  }

  /** Every profile of the table. */
  public DryRunResult run(EventTable table, DryRunRange range) {
    return run(table, range, 0, table.profiles(), DryRunObserver.NONE);
  }

  /**
   * The profiles {@code fromProfile} (inclusive) to {@code toProfile} (exclusive) of the table,
   * telling {@code observer} every decision.
   */
  public DryRunResult run(
      EventTable table,
      DryRunRange range,
      int fromProfile,
      int toProfile,
      DryRunObserver observer) {
    if (fromProfile < 0 || toProfile > table.profiles() || fromProfile > toProfile) {
      throw new IllegalArgumentException(
          "profiles %d to %d are not within the table's 0 to %d"
              .formatted(fromProfile, toProfile, table.profiles()));
    }
    Tally tally = new Tally(flow);
    for (int p = fromProfile; p < toProfile; p++) {
      new Replay(table, p, range, tally, observer).run();
    }
    return tally.result(range);
  }

  /** One profile's simulation. */
  private final class Replay {
    private final EventTable table;
    private final int profileIndex;
    private final DryRunRange range;
    private final Tally tally;
    private final DryRunObserver observer;
    private final ProfileId profile;
    private final ZoneId zone;
    private final boolean globallyHeldOut;
    private final List<FlowEvent> seen = new ArrayList<>();
    private final List<SentMessage> history = new ArrayList<>();
    private final Set<String> segments = new HashSet<>();
    private JsonValue.Obj traits;
    private FlowState state;
    private Optional<Instant> nextFiring = Optional.empty();
    private boolean replayed;
    private boolean entered;
    private boolean runHeldOut;

    Replay(EventTable table, int p, DryRunRange range, Tally tally, DryRunObserver observer) {
      this.table = table;
      this.profileIndex = p;
      this.range = range;
      this.tally = tally;
      this.observer = observer;
      this.profile = new ProfileId(table.profileId(p));
      this.traits = table.traits(p);
      this.zone = zoneOf(traits);
      this.globallyHeldOut = policy.globallyHeldOut(profile);
      this.state = FlowState.none(profile, flow.id(), flow.version());
    }

    void run() {
      tally.startProfile();
      int first = table.profileStart(profileIndex);
      if (cron.isPresent() && first < table.profileEnd(profileIndex)) {
        // Live, a profile gets its first firing when it is first seen (or when the flow is
        // published, for one stored before): none before its first event.
        Instant seenFirst = instant(table.micros(first));
        Instant after = seenFirst.isBefore(range.from()) ? range.from().minusNanos(1) : seenFirst;
        nextFiring = Optional.of(cron.get().next(after, zone));
      }
      for (int e = first; e < table.profileEnd(profileIndex); e++) {
        Instant at = instant(table.micros(e));
        if (!at.isBefore(range.to())) {
          break;
        }
        FlowEvent event = event(e, at);
        if (at.isBefore(range.from())) {
          seen.add(event);
          continue;
        }
        fireDueBy(at, true);
        seen.add(event);
        replayed = true;
        tally.events++;
        dispatch(new Input.EventArrived(event), at);
        if (map.isPresent()) {
          int row = e;
          for (Input entered :
              MapEntries.entered(
                  List.of(map.get()),
                  matcher -> TouchpointMatching.satisfies(matcher, table, row))) {
            dispatch(entered, at);
          }
        }
      }
      fireDueBy(range.to(), false);
      if (state.run().isPresent()) {
        tally.waitingAt(state.run().get().step());
        tally.runEnded(runHeldOut, false);
      }
      if (replayed) {
        tally.profiles++;
      }
      if (entered) {
        tally.profilesEntered++;
      }
    }

    /**
     * Fires the profile's timer and schedule firings due by {@code limit}, earliest first; at one
     * instant the timer first, as the runtime fires due timers before due schedules.
     */
    private void fireDueBy(Instant limit, boolean inclusive) {
      while (true) {
        Optional<Instant> timer = state.wakeAt().filter(t -> dueBy(t, limit, inclusive));
        Optional<Instant> firing = nextFiring.filter(t -> dueBy(t, limit, inclusive));
        if (timer.isPresent() && (firing.isEmpty() || !firing.get().isBefore(timer.get()))) {
          tally.timersFired++;
          dispatch(new Input.TimerFired(timer.get()), timer.get());
        } else if (firing.isPresent()) {
          Instant at = firing.get();
          nextFiring = Optional.of(cron.orElseThrow().next(at, zone));
          tally.scheduleFirings++;
          replayed = true;
          dispatch(new Input.ScheduleFired(), at);
        } else {
          return;
        }
      }
    }

    private static boolean dueBy(Instant due, Instant limit, boolean inclusive) {
      return inclusive ? !due.isAfter(limit) : due.isBefore(limit);
    }

    private void dispatch(Input first, Instant now) {
      Deque<Input> queue = new ArrayDeque<>();
      queue.add(first);
      while (!queue.isEmpty()) {
        Input input = queue.poll();
        ProfileContext context =
            new ProfileContext(profile, traits, zone, Consent.DEFAULT, seen, history, List.of());
        FlowState before = state;
        Decisions decisions = engine.handle(before, context, input, now);
        state = decisions.state();
        for (Decision decision : decisions.decisions()) {
          observer.decided(profile.value(), now, decision);
          count(decision, before, input, context, now, queue);
        }
      }
    }

    private void count(
        Decision decision,
        FlowState before,
        Input input,
        ProfileContext context,
        Instant now,
        Deque<Input> queue) {
      switch (decision) {
        case Decision.Entered entry -> {
          tally.entries++;
          entered = true;
          runHeldOut = entry.heldOut() || globallyHeldOut;
        }
        case Decision.NotEntered not -> tally.notEntered(notEnteredReason(not.reason()));
        case Decision.StepReached step -> {
          if (step.arrival()) {
            tally.arrived(step.stepId());
          }
        }
        case Decision.Assigned assigned -> runHeldOut |= assigned.heldOut();
        case Decision.Send send -> {
          tally.sent(send.stepId());
          history.add(new SentMessage(now, send.message().channel(), flow.id()));
        }
        case Decision.Suppressed suppressed ->
            tally.suppressed(suppressed.stepId(), suppressed.cause());
        case Decision.Deferred deferred -> tally.deferred(deferred.stepId());
        case Decision.CallWebhook call -> tally.webhook(call.stepId());
        case Decision.SetTrait set -> {
          Map<String, JsonValue> merged = new LinkedHashMap<>(traits.fields());
          merged.put(set.trait(), json(set.value()));
          traits = new JsonValue.Obj(merged);
        }
        case Decision.SegmentChange change -> {
          if (change.add() && segments.add(change.segmentId())) {
            queue.add(new Input.SegmentEntered(change.segmentId()));
          } else if (!change.add()) {
            segments.remove(change.segmentId());
          }
        }
        case Decision.Left left -> {
          switch (left.outcome()) {
            case CONVERTED -> tally.converted(goalOf(left, before, input));
            case EXITED -> tally.exited(exitOf(before, input, context));
            case COMPLETED -> tally.completed++;
          }
          tally.runEnded(runHeldOut, left.outcome() == Outcome.CONVERTED);
        }
        case Decision.TimerSet set -> {}
        case Decision.TimerCancelled cancelled -> {}
        case Decision.Ignored ignored -> {}
      }
    }

    /** The goal the engine applied: an event goal on an event while inside, else the goal step. */
    private String goalOf(Decision.Left left, FlowState before, Input input) {
      if (before.inside() && input instanceof Input.EventArrived arrived) {
        for (Goal goal : flow.eventGoals()) {
          if (goal.event().orElseThrow().matches(arrived.event())) {
            return goal.id();
          }
        }
      }
      return left.stepId();
    }

    /** The exit the engine applied, checked in its order: event exits, trait exits, loop guard. */
    private String exitOf(FlowState before, Input input, ProfileContext context) {
      if (before.inside()) {
        if (input instanceof Input.EventArrived arrived) {
          for (Exit exit : flow.exits()) {
            if (exit instanceof Exit.OnEvent on && on.match().matches(arrived.event())) {
              return Tally.label(exit);
            }
          }
        }
        for (Exit exit : flow.exits()) {
          if (exit instanceof Exit.WhenTraits when
              && Conditions.all(when.traits(), context.traits())) {
            return Tally.label(exit);
          }
        }
      }
      return Tally.STEP_LIMIT;
    }

    private FlowEvent event(int e, Instant at) {
      String name = table.names().text(table.name(e));
      return new FlowEvent(
          name.isEmpty() ? table.type(e).wireName() : name, at, table.properties(e));
    }

    private ZoneId zoneOf(JsonValue.Obj profileTraits) {
      Optional<String> named = profileTraits.text("timezone");
      if (named.isEmpty()) {
        return defaultZone;
      }
      try {
        return ZoneId.of(named.get());
      } catch (DateTimeException e) {
        return defaultZone;
      }
    }
  }

  static String notEnteredReason(String reason) {
    if (reason.contains("already in the flow")) {
      return "already-inside";
    }
    if (reason.contains("allows no re-entry")) {
      return "no-reentry";
    }
    if (reason.contains("re-entry needs")) {
      return "minimum-gap";
    }
    if (reason.contains("audience")) {
      return "audience";
    }
    return "exit-condition";
  }

  static Instant instant(long epochMicros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
  }

  private static JsonValue json(Scalar value) {
    return switch (value) {
      case Scalar.Text t -> new JsonValue.Str(t.value());
      case Scalar.Number n -> new JsonValue.Num(n.value());
      case Scalar.Bool b -> new JsonValue.Bool(b.value());
    };
  }
}
