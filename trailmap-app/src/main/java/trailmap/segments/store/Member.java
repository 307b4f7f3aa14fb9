package trailmap.segments.store;

import java.time.Instant;
import trailmap.profiles.ProfileId;

/**
 * A current member.
 *
 * @param manual whether a flow's {@code addToSegment} holds it there regardless of the rule
 */
public record Member(ProfileId profile, Instant enteredAt, boolean manual) {}
