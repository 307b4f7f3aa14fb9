package trailmap.maps.format;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import trailmap.text.EditDistance;

/**
 * "Did you mean …?" for misspelt field names, enum values and ids. Public so other documents (e.g.
 * analytics queries) give the same hints as map files.
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code typed} by edit distance, if it is close enough to be a typo: at
   * most a third of the longer word's length, and at most 3 edits.
   */
  public static Optional<String> closest(String typed, Collection<String> candidates) {
    String needle = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = EditDistance.between(needle, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    int longer = Math.max(typed.length(), best.length());
    int allowed = longer <= 3 ? 1 : Math.min(3, Math.max(2, longer / 3));
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** " (did you mean 'x'?)" or an empty string. */
  public static String hint(String typed, Collection<String> candidates) {
    return closest(typed, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
  }
}
