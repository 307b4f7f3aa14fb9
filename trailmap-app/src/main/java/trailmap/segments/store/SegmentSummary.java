package trailmap.segments.store;

import java.time.Instant;

/** A stored segment with its current number of members. */
public record SegmentSummary(String id, String name, long members, Instant updatedAt) {}
