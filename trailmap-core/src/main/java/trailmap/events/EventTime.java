package trailmap.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The time an event happened, as Segment computes it: the client's {@code timestamp} corrected by
 * the client's clock skew, measured as {@code receivedAt − sentAt}.
 */
public final class EventTime {
  private EventTime() {}

  /**
   * The corrected event time.
   *
   * <ul>
   *   <li>timestamp and sentAt: {@code timestamp + (receivedAt − sentAt)}
   *   <li>timestamp only: {@code timestamp} (no skew can be measured)
   *   <li>neither: {@code receivedAt}; sentAt alone: {@code receivedAt} too (the event was sent
   *       when it happened)
   * </ul>
   */
  public static Instant corrected(
      Optional<Instant> timestamp, Optional<Instant> sentAt, Instant receivedAt) {
    if (timestamp.isEmpty()) {
      return receivedAt;
    }
    if (sentAt.isEmpty()) {
      return timestamp.get();
    }
    Duration skew = Duration.between(sentAt.get(), receivedAt);
    return timestamp.get().plus(skew);
  }
}
