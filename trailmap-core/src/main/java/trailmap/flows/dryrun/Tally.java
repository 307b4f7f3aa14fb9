package trailmap.flows.dryrun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trailmap.flows.Act;
import trailmap.flows.Action;
import trailmap.flows.Exit;
import trailmap.flows.Flow;
import trailmap.flows.Goal;
import trailmap.flows.Message;
import trailmap.flows.Split;
import trailmap.flows.Step;
import trailmap.flows.Wait;
import trailmap.flows.engine.Decision;
import trailmap.flows.engine.Input;
import trailmap.flows.policy.Verdict;

/** The counts of one dry run as it goes; one owner, not thread-safe. */
final class Tally {
  static final String STEP_LIMIT = "step limit";
  static final List<String> NOT_ENTERED =
      Arrays.stream(Decision.NotEntered.Cause.values())
          .map(Decision.NotEntered.Cause::wire)
          .toList();

  private final Flow flow;
  private final Map<String, Integer> stepIndex = new HashMap<>();
  private final long[] visits;
  private final long[] profilesAt;
  private final long[] sent;
  private final long[] deferred;
  private final long[] webhooks;
  private final long[] waitingAt;
  private final List<EnumMap<Verdict.Cause, Long>> suppressed = new ArrayList<>();
  private final Map<String, Long> notEntered = new LinkedHashMap<>();
  private final Map<String, Long> convertedByGoal = new LinkedHashMap<>();
  private final Map<String, Long> exitedBy = new LinkedHashMap<>();
  private final BitSet reachedByProfile;
  long profiles;
  long events;
  long timersFired;
  long scheduleFirings;
  long segmentEntries;
  long apiCalls;
  long profilesEntered;
  long entries;
  long completed;
  long waiting;
  long treatmentEntries;
  long treatmentConverted;
  long holdoutEntries;
  long holdoutConverted;

  Tally(Flow flow) {
    this.flow = flow;
    int n = flow.steps().size();
    for (int i = 0; i < n; i++) {
      stepIndex.put(flow.steps().get(i).id(), i);
      suppressed.add(new EnumMap<>(Verdict.Cause.class));
    }
    visits = new long[n];
    profilesAt = new long[n];
    sent = new long[n];
    deferred = new long[n];
    webhooks = new long[n];
    waitingAt = new long[n];
    reachedByProfile = new BitSet(n);
    NOT_ENTERED.forEach(reason -> notEntered.put(reason, 0L));
    flow.eventGoals().forEach(goal -> convertedByGoal.put(goal.id(), 0L));
    for (Step step : flow.steps()) {
      if (step instanceof Goal goal) {
        convertedByGoal.putIfAbsent(goal.id(), 0L);
      }
    }
    flow.exits().forEach(exit -> exitedBy.put(label(exit), 0L));
    exitedBy.put(STEP_LIMIT, 0L);
  }

  static String label(Exit exit) {
    return switch (exit) {
      case Exit.OnEvent on -> "event '" + on.match().event() + "'";
      case Exit.WhenTraits when ->
          "traits " + when.traits().stream().map(c -> c.property()).distinct().toList();
    };
  }

  /** A new profile begins: its distinct-step set starts empty. */
  void startProfile() {
    reachedByProfile.clear();
  }

  void arrived(String stepId) {
    int i = stepIndex.get(stepId);
    visits[i]++;
    if (!reachedByProfile.get(i)) {
      reachedByProfile.set(i);
      profilesAt[i]++;
    }
  }

  void sent(String stepId) {
    sent[stepIndex.get(stepId)]++;
  }

  void suppressed(String stepId, Verdict.Cause cause) {
    suppressed.get(stepIndex.get(stepId)).merge(cause, 1L, Long::sum);
  }

  void deferred(String stepId) {
    deferred[stepIndex.get(stepId)]++;
  }

  void webhook(String stepId) {
    webhooks[stepIndex.get(stepId)]++;
  }

  /** A recorded firing of a segment or api trigger was handed to the engine. */
  void recordedFiring(Input input) {
    switch (input) {
      case Input.SegmentEntered entered -> segmentEntries++;
      case Input.ApiCalled called -> apiCalls++;
      default -> throw new IllegalArgumentException("not a recorded trigger firing: " + input);
    }
  }

  void notEntered(String reason) {
    notEntered.merge(reason, 1L, Long::sum);
  }

  void runEnded(boolean heldOut, boolean converted) {
    if (heldOut) {
      holdoutEntries++;
      holdoutConverted += converted ? 1 : 0;
    } else {
      treatmentEntries++;
      treatmentConverted += converted ? 1 : 0;
    }
  }

  void converted(String goalId) {
    convertedByGoal.merge(goalId, 1L, Long::sum);
  }

  void exited(String label) {
    exitedBy.merge(label, 1L, Long::sum);
  }

  void waitingAt(String stepId) {
    waiting++;
    waitingAt[stepIndex.get(stepId)]++;
  }

  DryRunResult result(DryRunRange range) {
    List<StepFigures> steps = new ArrayList<>();
    for (int i = 0; i < flow.steps().size(); i++) {
      Step step = flow.steps().get(i);
      steps.add(
          new StepFigures(
              step.id(),
              kind(step),
              profilesAt[i],
              visits[i],
              sent[i],
              suppressed.get(i),
              deferred[i],
              webhooks[i],
              waitingAt[i]));
    }
    return new DryRunResult(
        flow.id(),
        flow.version(),
        range.from(),
        range.to(),
        profiles,
        events,
        timersFired,
        scheduleFirings,
        segmentEntries,
        apiCalls,
        profilesEntered,
        entries,
        notEntered,
        steps,
        convertedByGoal,
        exitedBy,
        completed,
        waiting,
        new HoldoutGroup(treatmentEntries, treatmentConverted),
        new HoldoutGroup(holdoutEntries, holdoutConverted));
  }

  static String kind(Step step) {
    return switch (step) {
      case Wait w -> "wait";
      case Split s -> "split";
      case Goal g -> "goal";
      case Action a ->
          switch (a.act()) {
            case Message m -> m.channel();
            case Act.Webhook w -> "webhook";
            case Act.UpdateTrait u -> "setTrait";
            case Act.Segment s -> "segment";
          };
    };
  }
}
