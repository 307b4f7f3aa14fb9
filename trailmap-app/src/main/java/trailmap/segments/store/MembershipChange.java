package trailmap.segments.store;

import java.time.Instant;
import trailmap.profiles.ProfileId;

/**
 * One transition of a profile into or out of a segment, in the order they were recorded.
 *
 * @param cause {@code rule}, {@code flow:ID} for a flow's add/remove action, {@code deleted} (the
 *     segment was), or {@code merged} (identity resolution merged the profile into another)
 */
public record MembershipChange(
    long seq, String segmentId, ProfileId profile, boolean entered, Instant at, String cause) {}
