package trailmap.flows.dryrun;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import trailmap.analytics.Conditions;
import trailmap.analytics.EventTable;
import trailmap.analytics.matching.TouchpointMatching;
import trailmap.events.JsonValue;
import trailmap.flows.Cron;
import trailmap.flows.Exit;
import trailmap.flows.Flow;
import trailmap.flows.FlowEvent;
import trailmap.flows.Goal;
import trailmap.flows.ProfileZone;
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
 * stored event: live, a profile gets its first firing when it is first seen. For a segment or api
 * trigger, the profile's recorded firings in {@code [from, to)} ({@link TriggerHistory}: the
 * segment's entries, the flow's API calls) are handed to the engine at their recorded times,
 * interleaved likewise (at one instant: the timer, then the event, then the recorded firing, as the
 * runtime handles new events before segment entries and API calls, and the event that puts a
 * profile in a segment comes before the entry it causes). Events before {@code from} are not
 * replayed but are part of the profile's history for {@code did} conditions. Trait updates the flow
 * makes apply to the simulated traits; sends count towards the flow's own frequency caps. The
 * flow's own segment additions are counted but not fed back to a segment trigger: the recorded
 * entries already hold what live flows added, and feeding the simulated ones too would count them
 * twice.
 *
 * <p>What the table cannot tell is assumed: traits are the profile's <em>current</em> traits
 * throughout (the table has no trait history), the time zone is the {@code timezone} trait (else
 * {@code defaultZone}), consent is the default (nothing unsubscribed), and messages of other flows
 * are unknown, so caps count this flow's messages only. Event and schedule triggers are replayed,
 * touchpoint and stage triggers against the map they name (an event entering a touchpoint of it, as
 * live), and segment and api triggers from their {@link TriggerHistory}; recorded firings of
 * profiles the table does not hold are not replayed.
 *
 * <p>Deterministic: the same table, range, history, policy and seed give the same result
 * (assignments are the engine's seeded hashes). Immutable; {@link #run} may be called from several
 * threads on disjoint profile ranges and the results {@link DryRunResult#plus added}.
 */
public final class DryRun {
  private final Flow flow;
  private final FlowEngine engine;
  private final MessagePolicy policy;
  private final ZoneId defaultZone;
  private final Optional<JourneyMap> map;
  private final Optional<Cron> cron;
  private final Optional<Input> recordedInput;
  private final TriggerHistory history;

  /**
   * For a flow with an {@code event} or {@code schedule} trigger.
   *
   * @param seed the workspace seed for holdout and split assignment, as the live engine uses it
   * @param defaultZone the zone of profiles without a valid {@code timezone} trait
   * @throws IllegalArgumentException when the flow's trigger cannot be replayed ({@link #problems})
   */
  public DryRun(Flow flow, MessagePolicy policy, long seed, ZoneId defaultZone) {
    this(flow, Optional.empty(), TriggerHistory.NONE, policy, seed, defaultZone);
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
    this(flow, map, TriggerHistory.NONE, policy, seed, defaultZone);
  }

  /**
   * For a flow with any trigger.
   *
   * @param map the map a touchpoint or stage trigger names, as above
   * @param history the recorded firings of a segment or api trigger (the segment's entries, the
   *     flow's API calls) and the segments that exist; ignored for other triggers
   * @throws IllegalArgumentException when the flow's trigger cannot be replayed ({@link
   *     #problems(Flow, Optional, TriggerHistory)})
   */
  public DryRun(
      Flow flow,
      Optional<JourneyMap> map,
      TriggerHistory history,
      MessagePolicy policy,
      long seed,
      ZoneId defaultZone) {
    List<String> problems = problems(flow, map, history);
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
    this.recordedInput =
        switch (flow.trigger()) {
          case Trigger.SegmentEntered s -> Optional.of(new Input.SegmentEntered(s.segmentId()));
          case Trigger.Api a -> Optional.of(new Input.ApiCalled());
          default -> Optional.empty();
        };
    this.history = recordedInput.isPresent() ? history : TriggerHistory.NONE;
  }

  /** Why the flow cannot be dry-run without a map or trigger history; empty when it can. */
  public static List<String> problems(Flow flow) {
    return problems(flow, Optional.empty());
  }

  /** Why the flow cannot be dry-run with {@code map} and no trigger history; empty when it can. */
  public static List<String> problems(Flow flow, Optional<JourneyMap> map) {
    return problems(flow, map, TriggerHistory.NONE);
  }

  /**
   * Why the flow cannot be dry-run with {@code map} as the map its trigger names and {@code
   * history} as its recorded firings; empty when it can. Event, schedule and api triggers can
   * always be replayed (an api flow without logged calls enters nobody); touchpoint and stage
   * triggers need the map they name, holding the touchpoint or stage; a segment trigger needs its
   * segment among {@link TriggerHistory#segmentIds()}. Each problem names what is there instead.
   */
  public static List<String> problems(Flow flow, Optional<JourneyMap> map, TriggerHistory history) {
    return TriggerProblems.of(flow, map, history);
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
    private final List<Instant> recorded;
    private JsonValue.Obj traits;
    private FlowState state;
    private Optional<Instant> nextFiring = Optional.empty();
    private int nextRecorded;
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
      this.zone = ProfileZone.of(traits).orElse(defaultZone);
      this.globallyHeldOut = policy.globallyHeldOut(profile);
      this.state = FlowState.none(profile, flow.id(), flow.version());
      this.recorded = DryRun.this.history.of(profile.value());
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
      while (nextRecorded < recorded.size() && recorded.get(nextRecorded).isBefore(range.from())) {
        nextRecorded++;
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
                  at,
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
     * Fires the profile's timer and schedule firings due by {@code limit} and its recorded firings
     * before it, earliest first; at one instant the timer first, as the runtime fires due timers
     * before due schedules. A recorded firing at {@code limit} waits for the event there.
     */
    private void fireDueBy(Instant limit, boolean inclusive) {
      while (true) {
        Optional<Instant> timer = state.wakeAt().filter(t -> dueBy(t, limit, inclusive));
        Optional<Instant> firing = nextFiring.filter(t -> dueBy(t, limit, inclusive));
        Optional<Instant> stored =
            nextRecorded < recorded.size()
                ? Optional.of(recorded.get(nextRecorded)).filter(t -> t.isBefore(limit))
                : Optional.empty();
        Optional<Instant> earliest =
            Stream.of(timer, firing, stored).flatMap(Optional::stream).min(Instant::compareTo);
        if (earliest.isEmpty()) {
          return;
        }
        Instant at = earliest.get();
        if (timer.equals(earliest)) {
          tally.timersFired++;
          dispatch(new Input.TimerFired(at), at);
        } else if (firing.equals(earliest)) {
          nextFiring = Optional.of(cron.orElseThrow().next(at, zone));
          tally.scheduleFirings++;
          replayed = true;
          dispatch(new Input.ScheduleFired(), at);
        } else {
          nextRecorded++;
          tally.recordedFiring(recordedInput.orElseThrow());
          replayed = true;
          dispatch(recordedInput.orElseThrow(), at);
        }
      }
    }

    private static boolean dueBy(Instant due, Instant limit, boolean inclusive) {
      return inclusive ? !due.isAfter(limit) : due.isBefore(limit);
    }

    private void dispatch(Input input, Instant now) {
      ProfileContext context =
          new ProfileContext(profile, traits, zone, Consent.DEFAULT, seen, history, List.of());
      FlowState before = state;
      Decisions decisions = engine.handle(before, context, input, now);
      state = decisions.state();
      for (Decision decision : decisions.decisions()) {
        observer.decided(profile.value(), now, decision);
        count(decision, before, input, context, now);
      }
    }

    private void count(
        Decision decision, FlowState before, Input input, ProfileContext context, Instant now) {
      switch (decision) {
        case Decision.Entered entry -> {
          tally.entries++;
          entered = true;
          runHeldOut = entry.heldOut() || globallyHeldOut;
        }
        case Decision.NotEntered not -> tally.notEntered(not.cause().wire());
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
        // Not fed back to a segment trigger: the recorded entries already hold live additions.
        case Decision.SegmentChange change -> {}
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
