package trailmap.analytics.journey;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The known names closest to a typed one, for "no event named X was seen; closest: …". */
final class Closest {
  private Closest() {}

  /** Up to {@code n} candidates by edit distance (ignoring case), closest first, then by name. */
  static List<String> to(String typed, Collection<String> candidates, int n) {
    String lower = typed.toLowerCase(java.util.Locale.ROOT);
    return candidates.stream()
        .filter(c -> !c.isEmpty())
        .sorted(
            Comparator.comparingInt(
                    (String c) -> distance(lower, c.toLowerCase(java.util.Locale.ROOT)))
                .thenComparing(c -> c))
        .limit(n)
        .toList();
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
