package trailmap.maps.format;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

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
      int distance = distance(needle, candidate.toLowerCase(Locale.ROOT));
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

  /** Levenshtein distance, with a transposition counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
