package trailmap.flows.runtime;

import java.util.Locale;

/**
 * Where a flow is in its life: {@code draft} (never published) → {@code published} (its current
 * version takes entries; every version with profiles inside runs) → {@code paused} (frozen: no
 * entries, no events, timers wait; publishing again resumes) or {@code archived} (frozen for good:
 * profiles stay where they were, for the record).
 */
public enum FlowStatus {
  DRAFT,
  PUBLISHED,
  PAUSED,
  ARCHIVED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
