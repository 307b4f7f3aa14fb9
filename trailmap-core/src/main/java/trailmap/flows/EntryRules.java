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
 * @param maxTriggerAge for triggers on events (an event, a touchpoint or stage it enters): the
 *     oldest an event may be, when the flow handles it, to start the flow; empty accepts any age.
 *     Without it, events imported from history or delivered days late would start flows as if they
 *     had just happened (a welcome email for a trial of last year).
 */
public record EntryRules(
    boolean reentry,
    Optional<Duration> minimumGap,
    List<PropertyCondition> audience,
    Optional<Duration> maxTriggerAge) {
  /** A day: late enough for a phone that was offline overnight, not for a replayed history. */
  public static final Duration DEFAULT_MAX_TRIGGER_AGE = Duration.ofDays(1);

  public static final EntryRules ONCE = new EntryRules(false, Optional.empty(), List.of());

  public EntryRules {
    minimumGap = minimumGap == null ? Optional.empty() : minimumGap;
    maxTriggerAge = maxTriggerAge == null ? Optional.empty() : maxTriggerAge;
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
    if (maxTriggerAge.isPresent()
        && (maxTriggerAge.get().isNegative() || maxTriggerAge.get().isZero())) {
      throw new IllegalArgumentException(
          "entry.maxTriggerAge must be positive (or none for any age), was " + maxTriggerAge.get());
    }
  }

  /** Rules with the default {@link #DEFAULT_MAX_TRIGGER_AGE}. */
  public EntryRules(
      boolean reentry, Optional<Duration> minimumGap, List<PropertyCondition> audience) {
    this(reentry, minimumGap, audience, Optional.of(DEFAULT_MAX_TRIGGER_AGE));
  }
}
