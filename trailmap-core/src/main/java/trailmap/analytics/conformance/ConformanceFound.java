package trailmap.analytics.conformance;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Conformance} counted. Deviations are ordered by count descending, then kind, then
 * description; kinds by count descending, then name. Immutable.
 *
 * @param profiles profiles with at least one journey step in the time range
 * @param conforming those without any deviation
 * @param deviations every distinct deviation with the profiles that made it; {@link #top} keeps the
 *     most frequent
 * @param byKind for each kind of deviation, the profiles with at least one of that kind
 */
public record ConformanceFound(
    long profiles, long conforming, List<DeviationCount> deviations, Map<String, Long> byKind) {

  public ConformanceFound {
    if (conforming < 0 || conforming > profiles) {
      throw new IllegalArgumentException(
          "%d conforming profiles out of %d; it must be between 0 and that"
              .formatted(conforming, profiles));
    }
    deviations =
        deviations.stream()
            .sorted(
                Comparator.comparingLong(DeviationCount::count)
                    .reversed()
                    .thenComparing(d -> d.deviation().kind())
                    .thenComparing(d -> d.deviation().describe()))
            .toList();
    Map<String, Long> ordered = new LinkedHashMap<>();
    byKind.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    byKind = Collections.unmodifiableMap(ordered);
  }

  /** The share of profiles that conform, from 0 to 1; 0 when there are no profiles. */
  public double share() {
    return profiles == 0 ? 0 : (double) conforming / profiles;
  }

  /** The {@code n} most frequent deviations (all when fewer). */
  public List<DeviationCount> top(int n) {
    return deviations.subList(0, Math.min(n, deviations.size()));
  }

  /** Both sets of profiles together, assuming they are disjoint: every count adds. */
  public ConformanceFound merge(ConformanceFound other) {
    Map<Deviation, Long> counts = new HashMap<>();
    for (List<DeviationCount> list : List.of(deviations, other.deviations)) {
      list.forEach(d -> counts.merge(d.deviation(), d.count(), Long::sum));
    }
    Map<String, Long> kinds = new HashMap<>(byKind);
    other.byKind.forEach((k, v) -> kinds.merge(k, v, Long::sum));
    return new ConformanceFound(
        profiles + other.profiles,
        conforming + other.conforming,
        counts.entrySet().stream().map(e -> new DeviationCount(e.getKey(), e.getValue())).toList(),
        kinds);
  }
}
