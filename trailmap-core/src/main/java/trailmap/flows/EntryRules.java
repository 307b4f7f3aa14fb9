package trailmap.flows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import trailmap.maps.PropertyCondition;

/**
 * Who may enter a flow and how often.
 *
 * @param reentry whether a profile that left the flow may enter it again
 * @param minimumGap with re-entry, the least time between two entries of one profile
 * @param audience trait conditions a profile must meet to enter; none means everyone
 */
public record EntryRules(
    boolean reentry, Optional<Duration> minimumGap, List<PropertyCondition> audience) {
  public static final EntryRules ONCE = new EntryRules(false, Optional.empty(), List.of());

  public EntryRules {
    minimumGap = minimumGap == null ? Optional.empty() : minimumGap;
    audience = Names.copy(audience);
    if (minimumGap.isPresent() && !reentry) {
      throw new IllegalArgumentException(
          "entry.minimumGap "
              + minimumGap.get()
              + " needs entry.reentry: true; without re-entry a profile enters only once");
    }
    if (minimumGap.isPresent() && (minimumGap.get().isNegative() || minimumGap.get().isZero())) {
      throw new IllegalArgumentException(
          "entry.minimumGap must be positive, was " + minimumGap.get());
    }
  }
}
