package trailmap.maps;

import java.util.Optional;

/**
 * How a persona feels at a touchpoint.
 *
 * @param persona the persona id; empty means every persona of the map
 * @param score from -2 (very negative) to +2 (very positive), inclusive
 * @param label a word for the feeling, e.g. "frustrated"; empty when absent
 */
public record Emotion(Optional<String> persona, int score, String label) {
  public static final int MIN_SCORE = -2;
  public static final int MAX_SCORE = 2;

  public Emotion {
    persona = persona == null ? Optional.empty() : persona;
    if (score < MIN_SCORE || score > MAX_SCORE) {
      throw new IllegalArgumentException("emotion score must be between -2 and 2, was " + score);
    }
    label = label == null ? "" : label;
  }
}
