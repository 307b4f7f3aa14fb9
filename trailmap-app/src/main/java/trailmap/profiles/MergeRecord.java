package trailmap.profiles;

import java.time.Instant;
import java.util.List;

/**
 * Why two profiles became one: event {@code messageId} carried {@code identities} together, and
 * {@code absorbed} held some of them, so it was merged into {@code into}.
 *
 * @param at the event's time
 */
public record MergeRecord(
    ProfileId into, ProfileId absorbed, List<Identity> identities, String messageId, Instant at) {
  public MergeRecord {
    identities = List.copyOf(identities);
  }
}
