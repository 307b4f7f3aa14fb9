package trailmap.profiles;

import java.time.Instant;
import trailmap.events.JsonValue;

/**
 * One value of one trait, as one event set it. A trait's current value is the observation that
 * {@link #supersedes supersedes} all others; the rest are its history.
 *
 * @param at the event time (corrected for clock skew)
 * @param position the event's log position, which breaks ties of {@code at}
 */
public record TraitObservation(
    String name, JsonValue value, Instant at, long position, String messageId) {
  public TraitObservation {
    if (name == null || name.isEmpty() || value == null || at == null || messageId == null) {
      throw new IllegalArgumentException("a trait observation needs a name, value, time and event");
    }
  }

  /**
   * Last write wins: true when this observation is later by event time than {@code other}, or at
   * the same time but later in the log.
   */
  public boolean supersedes(TraitObservation other) {
    int byTime = at.compareTo(other.at);
    return byTime > 0 || (byTime == 0 && position > other.position);
  }
}
