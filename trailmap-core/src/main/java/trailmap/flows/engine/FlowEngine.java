package trailmap.flows.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trailmap.analytics.Conditions;
import trailmap.flows.Action;
import trailmap.flows.Buckets;
import trailmap.flows.Exit;
import trailmap.flows.Flow;
import trailmap.flows.Goal;
import trailmap.flows.Message;
import trailmap.flows.Step;
import trailmap.flows.Trigger;
import trailmap.flows.Wait;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.policy.PendingMessage;
import trailmap.text.DurationText;

/**
 * The state machine of one flow version. Usage:
 *
 * <pre>{@code
 * FlowEngine engine = new FlowEngine(flow, policy, seed);
 * Decisions d = engine.handle(state, profile, new Input.EventArrived(event), clock.instant());
 * store(d.state()); carryOut(d.decisions());
 * }</pre>
 *
 * <p>Rules, in the order applied to each input:
 *
 * <ol>
 *   <li>A profile inside the flow is checked against the goals (an event matching a goal with an
 *       event converts it) and then the exits (a matching event or trait condition removes it), at
 *       once, whatever step it is at, also while waiting.
 *   <li>Otherwise a timer that matches the run's wake-up continues the wait (or retries a deferred
 *       message); a timer that does not match is stale and ignored, so a timer fired twice acts
 *       once. An event that a "wait until event" step listens for continues it.
 *   <li>A profile not inside enters when the input matches the trigger and the entry rules allow
 *       it; a trigger while inside never starts a second run.
 * </ol>
 *
 * <p>Assignments (flow holdout, split variants and their holdouts) are hashes of {@code seed}, flow
 * id, step and profile: the same across versions, entries, replays and dry-runs. Time is {@code
 * now} as passed in; the engine never reads a clock. Immutable and thread-safe.
 */
public final class FlowEngine {
  private final Flow flow;
  private final MessagePolicy policy;
  private final long seed;

  public FlowEngine(Flow flow, MessagePolicy policy, long seed) {
    if (flow == null || policy == null) {
      throw new IllegalArgumentException("an engine needs a flow and a policy");
    }
    this.flow = flow;
    this.policy = policy;
    this.seed = seed;
  }

  public Flow flow() {
    return flow;
  }

  /**
   * Handles one input for one profile at {@code now}.
   *
   * @throws IllegalArgumentException when the state belongs to another flow, another profile, or
   *     (with a run inside) another version of this flow
   */
  public Decisions handle(FlowState state, ProfileContext profile, Input input, Instant now) {
    if (!state.flowId().equals(flow.id()) || !state.profile().equals(profile.profile())) {
      throw new IllegalArgumentException(
          "state of flow '%s' for profile %s handed to flow '%s' for profile %s"
              .formatted(state.flowId(), state.profile(), flow.id(), profile.profile()));
    }
    if (state.inside() && state.version() != flow.version()) {
      throw new IllegalArgumentException(
          "profile %s is on version %d of flow '%s'; handle it with that version, not %d"
              .formatted(state.profile(), state.version(), flow.id(), flow.version()));
    }
    List<Decision> out = new ArrayList<>();
    Optional<Instant> wakeBefore = state.wakeAt();
    FlowState next =
        state.inside()
            ? inside(state, profile, input, now, out)
            : outside(state, profile, input, now, out);
    Optional<Instant> wakeAfter = next.wakeAt();
    if (!wakeAfter.equals(wakeBefore)) {
      wakeBefore.ifPresent(
          at -> out.add(new Decision.TimerCancelled(at, "timer for " + at + " cancelled")));
      wakeAfter.ifPresent(at -> out.add(new Decision.TimerSet(at, "wakes up at " + at)));
    }
    return new Decisions(next, out);
  }

  /**
   * Whether {@link #handle} can decide anything for a profile in {@code state} on {@code input}:
   * the profile is in the flow, or the input is one of the flow's triggers. For any other input
   * handle returns the state unchanged with no decisions, so a runtime may skip the call and the
   * reads it would need for it.
   */
  public boolean concerns(FlowState state, Input input) {
    return state.inside() || triggeredBy(input);
  }

  /**
   * The message the profile will be due in this flow when its timer fires, if any: what other
   * flows' messages pass as {@code pending} for the policy's priority rule.
   */
  public Optional<PendingMessage> pending(FlowState state) {
    if (state.run().isEmpty() || state.wakeAt().isEmpty()) {
      return Optional.empty();
    }
    Run run = state.run().get();
    Step at = flow.step(run.step()).orElseThrow();
    Optional<Step> due =
        switch (at) {
          case Action action -> Optional.of(action);
          case Wait wait when !(wait.until() instanceof Wait.Until.Event) ->
              wait.next().flatMap(flow::step);
          default -> Optional.empty();
        };
    return due.filter(s -> s instanceof Action a && a.act() instanceof Message)
        .map(
            s -> {
              Message message = (Message) ((Action) s).act();
              return new PendingMessage(
                  flow.id(), flow.priority(), message.channel(), state.wakeAt().get());
            });
  }

  private FlowState inside(
      FlowState state, ProfileContext profile, Input input, Instant now, List<Decision> out) {
    Run run = state.run().orElseThrow();
    if (input instanceof Input.EventArrived arrived) {
      for (Goal goal : flow.eventGoals()) {
        if (goal.event().orElseThrow().matches(arrived.event())) {
          out.add(
              new Decision.Left(
                  Outcome.CONVERTED,
                  run.step(),
                  "converted: goal '%s' reached by '%s' at step '%s'"
                      .formatted(goal.id(), arrived.event().name(), run.step())));
          return state.left(Outcome.CONVERTED);
        }
      }
      for (Exit exit : flow.exits()) {
        if (exit instanceof Exit.OnEvent onEvent && onEvent.match().matches(arrived.event())) {
          out.add(
              new Decision.Left(
                  Outcome.EXITED,
                  run.step(),
                  "exited: '%s' arrived at step '%s'"
                      .formatted(arrived.event().name(), run.step())));
          return state.left(Outcome.EXITED);
        }
      }
    }
    Optional<String> traitExit = traitExit(profile);
    if (traitExit.isPresent()) {
      out.add(
          new Decision.Left(
              Outcome.EXITED, run.step(), traitExit.get() + " at step '" + run.step() + "'"));
      return state.left(Outcome.EXITED);
    }
    Runner runner = new Runner(flow, policy, seed, profile, now, out);
    Step at = flow.step(run.step()).orElseThrow();
    return switch (input) {
      case Input.TimerFired fired -> {
        if (run.wakeAt().filter(fired.due()::equals).isEmpty()) {
          out.add(
              new Decision.Ignored(
                  "timer for %s ignored: the profile is at step '%s'%s"
                      .formatted(
                          fired.due(),
                          run.step(),
                          run.wakeAt().map(w -> " waking at " + w).orElse(" with no timer"))));
          yield state;
        }
        yield runner.resume(state, run, at);
      }
      case Input.EventArrived arrived
          when at instanceof Wait wait
              && wait.until() instanceof Wait.Until.Event until
              && until.match().matches(arrived.event()) -> {
        out.add(
            new Decision.StepReached(
                wait.id(),
                "'%s' arrived: wait '%s' is over".formatted(arrived.event().name(), wait.id())));
        yield runner.continueWith(state, run, wait.id(), wait.next());
      }
      default -> {
        if (triggeredBy(input)) {
          out.add(
              new Decision.NotEntered(
                  Decision.NotEntered.Cause.ALREADY_INSIDE,
                  "not entered: already in the flow at step '%s' (entry %d)"
                      .formatted(run.step(), run.entry())));
        }
        yield state;
      }
    };
  }

  private FlowState outside(
      FlowState state, ProfileContext profile, Input input, Instant now, List<Decision> out) {
    if (input instanceof Input.TimerFired fired) {
      out.add(
          new Decision.Ignored(
              "timer for " + fired.due() + " ignored: the profile is not in the flow"));
      return state;
    }
    if (!triggeredBy(input)) {
      return state;
    }
    Optional<String> tooOld = tooOld(input, now);
    if (tooOld.isPresent()) {
      out.add(new Decision.NotEntered(Decision.NotEntered.Cause.TOO_OLD, tooOld.get()));
      return state;
    }
    if (state.entries() > 0 && !flow.entry().reentry()) {
      out.add(
          new Decision.NotEntered(
              Decision.NotEntered.Cause.NO_REENTRY,
              "not entered: flow '%s' allows no re-entry (entered %s)"
                  .formatted(
                      flow.id(), state.lastEnteredAt().map(Instant::toString).orElse("before"))));
      return state;
    }
    Optional<Duration> gap = flow.entry().minimumGap();
    if (gap.isPresent() && state.lastEnteredAt().isPresent()) {
      Instant allowed = state.lastEnteredAt().get().plus(gap.get());
      if (now.isBefore(allowed)) {
        out.add(
            new Decision.NotEntered(
                Decision.NotEntered.Cause.MINIMUM_GAP,
                "not entered: re-entry needs %s since the last entry at %s (next possible %s)"
                    .formatted(gap.get(), state.lastEnteredAt().get(), allowed)));
        return state;
      }
    }
    if (!Conditions.all(flow.entry().audience(), profile.traits())) {
      out.add(
          new Decision.NotEntered(
              Decision.NotEntered.Cause.AUDIENCE,
              "not entered: the profile is not in the flow's audience"));
      return state;
    }
    Optional<String> traitExit = traitExit(profile);
    if (traitExit.isPresent()) {
      out.add(
          new Decision.NotEntered(
              Decision.NotEntered.Cause.EXIT_CONDITION, "not entered: " + traitExit.get()));
      return state;
    }
    int entry = state.entries() + 1;
    boolean heldOut =
        flow.holdout() > 0
            && Buckets.unit(seed, "flow-holdout", flow.id(), profile.profile().value())
                < flow.holdout();
    out.add(
        new Decision.Entered(
            entry,
            heldOut,
            "entered flow '%s' v%d (entry %d%s)"
                .formatted(
                    flow.id(), flow.version(), entry, heldOut ? ", in the flow's holdout" : "")));
    Run run =
        new Run(
            entry,
            now,
            flow.first().id(),
            now,
            Optional.empty(),
            heldOut,
            java.util.Map.of(),
            java.util.Map.of());
    FlowState entered =
        new FlowState(
            state.profile(),
            flow.id(),
            flow.version(),
            entry,
            Optional.of(now),
            Optional.of(run),
            state.lastOutcome());
    return new Runner(flow, policy, seed, profile, now, out).enter(entered, run, flow.first().id());
  }

  private Optional<String> traitExit(ProfileContext profile) {
    for (Exit exit : flow.exits()) {
      if (exit instanceof Exit.WhenTraits when && Conditions.all(when.traits(), profile.traits())) {
        return Optional.of(
            "exited: traits meet the exit condition on "
                + when.traits().stream().map(c -> c.property()).distinct().toList());
      }
    }
    return Optional.empty();
  }

  /**
   * Why a trigger's event is too old to start the flow ({@code entry.maxTriggerAge}), if it is: an
   * event the flow handles long after it happened (imported from history, delivered days late, read
   * by a runtime far behind the log) would otherwise start the flow as if it had just happened.
   */
  private Optional<String> tooOld(Input input, Instant now) {
    Optional<Duration> max = flow.entry().maxTriggerAge();
    Instant happened =
        switch (input) {
          case Input.EventArrived a -> a.event().timestamp();
          case Input.TouchpointEntered t -> t.at();
          case Input.StageEntered s -> s.at();
          default -> null;
        };
    if (max.isEmpty() || happened == null || !happened.plus(max.get()).isBefore(now)) {
      return Optional.empty();
    }
    return Optional.of(
        ("not entered: the trigger happened at %s, %s before it was handled, more than the"
                + " flow's entry.maxTriggerAge of %s")
            .formatted(
                happened,
                roughly(Duration.between(happened, now)),
                DurationText.format(max.get())));
  }

  /** An age as people say it: whole days from two days on, else whole hours, else minutes. */
  private static String roughly(Duration age) {
    if (age.toDays() >= 2) {
      return age.toDays() + " days";
    }
    return age.toHours() >= 2 ? age.toHours() + " hours" : age.toMinutes() + " minutes";
  }

  private boolean triggeredBy(Input input) {
    return switch (flow.trigger()) {
      case Trigger.OnEvent on ->
          input instanceof Input.EventArrived a && on.match().matches(a.event());
      case Trigger.TouchpointEntered t ->
          input instanceof Input.TouchpointEntered i
              && i.mapId().equals(t.mapId())
              && i.touchpointId().equals(t.touchpointId());
      case Trigger.StageEntered t ->
          input instanceof Input.StageEntered i
              && i.mapId().equals(t.mapId())
              && i.stageId().equals(t.stageId());
      case Trigger.SegmentEntered t ->
          input instanceof Input.SegmentEntered i && i.segmentId().equals(t.segmentId());
      case Trigger.Schedule s -> input instanceof Input.ScheduleFired;
      case Trigger.Api a -> input instanceof Input.ApiCalled;
    };
  }
}
