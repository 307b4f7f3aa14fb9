package trailmap.flows.dryrun;

import java.util.EnumMap;
import java.util.Map;
import trailmap.flows.policy.Verdict;

/**
 * What a dry run counted at one step. Counts add over profile partitions ({@link #plus}).
 *
 * @param kind {@code wait}, {@code split}, {@code goal}, or the action: {@code email}, {@code sms},
 *     {@code push}, {@code webhook}, {@code setTrait}, {@code segment}
 * @param profiles distinct profiles that arrived at the step at least once
 * @param visits arrivals, counting re-entries and loops
 * @param sent messages that would have been handed to the provider
 * @param suppressed messages dropped, by cause (only causes that occurred)
 * @param deferred deferrals for quiet hours (a deferred message is then sent, capped or suppressed
 *     when the quiet hours end, or still deferred at the end of the range)
 * @param webhooks webhook calls that would have been made
 * @param waiting runs still at this step at the end of the range (a wait, or a deferred message)
 */
public record StepFigures(
    String stepId,
    String kind,
    long profiles,
    long visits,
    long sent,
    Map<Verdict.Cause, Long> suppressed,
    long deferred,
    long webhooks,
    long waiting) {
  public StepFigures {
    suppressed = suppressed.isEmpty() ? Map.of() : Map.copyOf(suppressed);
  }

  /** All suppressed messages at this step. */
  public long suppressedTotal() {
    return suppressed.values().stream().mapToLong(Long::longValue).sum();
  }

  public StepFigures plus(StepFigures other) {
    if (!stepId.equals(other.stepId)) {
      throw new IllegalArgumentException(
          "cannot add figures of step '" + other.stepId + "' to step '" + stepId + "'");
    }
    Map<Verdict.Cause, Long> causes = new EnumMap<>(Verdict.Cause.class);
    causes.putAll(suppressed);
    other.suppressed.forEach((cause, n) -> causes.merge(cause, n, Long::sum));
    return new StepFigures(
        stepId,
        kind,
        profiles + other.profiles,
        visits + other.visits,
        sent + other.sent,
        causes,
        deferred + other.deferred,
        webhooks + other.webhooks,
        waiting + other.waiting);
  }
}
