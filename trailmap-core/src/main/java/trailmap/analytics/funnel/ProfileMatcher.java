package trailmap.analytics.funnel;

import trailmap.analytics.EventTable;

/**
 * Decides whether a profile of an {@link EventTable} takes part in an analysis (e.g. by its
 * traits). Must be pure; called once per profile.
 */
@FunctionalInterface
public interface ProfileMatcher {

  /** Whether profile {@code profile} (an index into {@code table}) is included. */
  boolean matches(EventTable table, int profile);

  /** The matcher that includes every profile. */
  static ProfileMatcher any() {
    return (table, profile) -> true;
  }
}
