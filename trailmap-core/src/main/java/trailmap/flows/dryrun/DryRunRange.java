package trailmap.flows.dryrun;

import java.time.Instant;

/**
 * The simulated time range {@code [from, to)}: events in it are replayed, timers due in it fire,
 * and a profile still waiting at {@code to} is counted as waiting.
 */
public record DryRunRange(Instant from, Instant to) {
  public DryRunRange {
    if (from == null || to == null) {
      throw new IllegalArgumentException("a dry-run range needs from and to");
    }
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "the dry-run range is empty: from " + from + " is not before to " + to);
    }
  }

  public boolean contains(Instant at) {
    return !at.isBefore(from) && at.isBefore(to);
  }
}
