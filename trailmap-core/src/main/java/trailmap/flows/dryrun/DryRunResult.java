package trailmap.flows.dryrun;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a dry run of one flow over {@code [from, to)} would have done. Runs are counted once each:
 * {@code entries == converted + exited + completed + waiting}. Every count adds over disjoint
 * profile partitions of the same flow and range ({@link #plus}), so a table can be replayed in
 * pieces (or in parallel) and merged. Maps keep a stable order (flow order for goals and exits).
 *
 * @param profiles profiles with at least one event, schedule firing or recorded trigger firing in
 *     the range (the profiles replayed)
 * @param events events replayed (in the range)
 * @param timersFired timers that fell due in the range and were handed to the engine
 * @param scheduleFirings firings of a schedule trigger in the range handed to the engine, one per
 *     profile and firing time (0 for other triggers)
 * @param segmentEntries recorded entries into a segment trigger's segment in the range handed to
 *     the engine, for profiles of the table (0 for other triggers)
 * @param apiCalls logged API calls of an api trigger in the range handed to the engine, for
 *     profiles of the table (0 for other triggers)
 * @param profilesEntered distinct profiles that entered at least once
 * @param entries runs that began in the range (a profile may re-enter)
 * @param notEntered trigger matches that did not enter, by reason: {@code already-inside}, {@code
 *     too-old}, {@code no-reentry}, {@code minimum-gap}, {@code audience}, {@code exit-condition}
 * @param steps per step, in the flow's step order
 * @param convertedByGoal converted runs by goal id (an event goal, or a goal step reached)
 * @param exitedBy exited runs by exit, labelled {@code event 'NAME'} or {@code traits [a, b]}, plus
 *     {@code step limit} for a run stopped by the engine's loop guard
 * @param waiting runs still inside at {@code to} (waiting, or holding a deferred message)
 * @param treatment runs outside every holdout
 * @param holdout runs in the flow's holdout, a split's holdout or the policy's global holdout
 */
public record DryRunResult(
    String flowId,
    int version,
    Instant from,
    Instant to,
    long profiles,
    long events,
    long timersFired,
    long scheduleFirings,
    long segmentEntries,
    long apiCalls,
    long profilesEntered,
    long entries,
    Map<String, Long> notEntered,
    List<StepFigures> steps,
    Map<String, Long> convertedByGoal,
    Map<String, Long> exitedBy,
    long completed,
    long waiting,
    HoldoutGroup treatment,
    HoldoutGroup holdout) {

  public DryRunResult {
    notEntered = ordered(notEntered);
    steps = List.copyOf(steps);
    convertedByGoal = ordered(convertedByGoal);
    exitedBy = ordered(exitedBy);
  }

  /** Runs that reached a goal. */
  public long converted() {
    return convertedByGoal.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Runs removed by an exit. */
  public long exited() {
    return exitedBy.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Messages that would have been sent, over all steps. */
  public long sent() {
    return steps.stream().mapToLong(StepFigures::sent).sum();
  }

  /** Messages suppressed, over all steps and causes. */
  public long suppressed() {
    return steps.stream().mapToLong(StepFigures::suppressedTotal).sum();
  }

  /** Quiet-hours deferrals, over all steps. */
  public long deferred() {
    return steps.stream().mapToLong(StepFigures::deferred).sum();
  }

  /** The figures of one step. */
  public StepFigures step(String stepId) {
    return steps.stream()
        .filter(s -> s.stepId().equals(stepId))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException("flow '" + flowId + "' has no step '" + stepId + "'"));
  }

  /**
   * The sum of two results over disjoint profiles.
   *
   * @throws IllegalArgumentException when the flow, version or range differ
   */
  public DryRunResult plus(DryRunResult other) {
    if (!flowId.equals(other.flowId)
        || version != other.version
        || !from.equals(other.from)
        || !to.equals(other.to)) {
      throw new IllegalArgumentException(
          "cannot add a dry run of %s v%d over [%s, %s) to one of %s v%d over [%s, %s)"
              .formatted(
                  other.flowId, other.version, other.from, other.to, flowId, version, from, to));
    }
    List<StepFigures> summed = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      summed.add(steps.get(i).plus(other.steps.get(i)));
    }
    return new DryRunResult(
        flowId,
        version,
        from,
        to,
        profiles + other.profiles,
        events + other.events,
        timersFired + other.timersFired,
        scheduleFirings + other.scheduleFirings,
        segmentEntries + other.segmentEntries,
        apiCalls + other.apiCalls,
        profilesEntered + other.profilesEntered,
        entries + other.entries,
        sum(notEntered, other.notEntered),
        summed,
        sum(convertedByGoal, other.convertedByGoal),
        sum(exitedBy, other.exitedBy),
        completed + other.completed,
        waiting + other.waiting,
        treatment.plus(other.treatment),
        holdout.plus(other.holdout));
  }

  private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> out = new LinkedHashMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, Long::sum));
    return out;
  }

  private static Map<String, Long> ordered(Map<String, Long> counts) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }
}
