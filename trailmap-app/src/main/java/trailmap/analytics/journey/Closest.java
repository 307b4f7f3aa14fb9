package trailmap.analytics.journey;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import trailmap.text.EditDistance;

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
                    (String c) -> EditDistance.between(lower, c.toLowerCase(java.util.Locale.ROOT)))
                .thenComparing(c -> c))
        .limit(n)
        .toList();
  }
}
