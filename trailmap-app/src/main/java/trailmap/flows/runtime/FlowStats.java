package trailmap.flows.runtime;

import java.util.List;
import java.util.Map;

/**
 * What a flow has done so far, as counted in flows.db ({@link FlowStore#stats}).
 *
 * @param entries entries into the flow (a profile re-entering counts again)
 * @param profiles distinct profiles that ever entered
 * @param heldOutProfiles of those, the profiles in the flow's holdout (sent no messages)
 * @param steps per step id that has waiting profiles, outbox rows or suppressions, by step id
 * @param suppressions suppressed messages by cause, with one reason as an example
 * @param ended distinct profiles by how a run ended ({@code converted}, {@code exited}, {@code
 *     completed}); a profile that ended twice the same way counts once
 * @param treatment profiles entered outside the holdout, and how many of them converted
 * @param holdout profiles entered in the holdout, and how many of them converted
 */
public record FlowStats(
    long entries,
    long profiles,
    long heldOutProfiles,
    Map<String, Step> steps,
    List<Suppression> suppressions,
    Map<String, Long> ended,
    Group treatment,
    Group holdout) {
  public FlowStats {
    steps = Map.copyOf(steps);
    suppressions = List.copyOf(suppressions);
    ended = Map.copyOf(ended);
  }

  /**
   * One step.
   *
   * @param waiting profiles at the step right now, over every version
   * @param outbox the step's messages and webhooks by outbox status ({@code pending}, {@code sent},
   *     {@code failed} = waiting for a retry, {@code dead})
   * @param suppressed the step's suppressed messages by cause ({@code frequency_cap}, …)
   */
  public record Step(long waiting, Map<String, Long> outbox, Map<String, Long> suppressed) {
    public Step {
      outbox = Map.copyOf(outbox);
      suppressed = Map.copyOf(suppressed);
    }
  }

  /** Suppressed messages of one cause (lower case, e.g. {@code consent}) and one of the reasons. */
  public record Suppression(String cause, long count, String example) {}

  /** A group of profiles and how many of them converted. */
  public record Group(long profiles, long converted) {}
}
