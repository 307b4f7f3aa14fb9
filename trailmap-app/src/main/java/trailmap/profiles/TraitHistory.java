package trailmap.profiles;

import java.util.List;

/**
 * One trait of a profile: its current value (last write wins) and every value it had, oldest first
 * by event time, then log position.
 */
public record TraitHistory(String name, TraitObservation current, List<TraitObservation> history) {
  public TraitHistory {
    history = List.copyOf(history);
  }
}
