package trailmap.profiles;

import java.time.Instant;

/**
 * An identity a profile holds, with the event that first brought it.
 *
 * @param at that event's time
 */
public record HeldIdentity(Identity identity, String messageId, Instant at) {}
