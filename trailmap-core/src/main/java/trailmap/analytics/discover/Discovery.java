package trailmap.analytics.discover;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Discover} found: the directly-follows graph over the profiles' merged steps, keyed by
 * node name. Canonical order, whatever the input order: edges by count descending, then {@code
 * from}, then {@code to}; node, start and end counts by count descending, then name; variants by
 * count descending, then their steps compared name by name. Immutable.
 *
 * @param profiles profiles with at least one step
 * @param events the labelled events of those profiles, before repeats were merged
 * @param nodes how many steps were at each node (after merging)
 * @param starts how many profiles began at each node
 * @param ends how many profiles ended at each node
 * @param variants every distinct journey; {@link #top} keeps the most frequent
 */
public record Discovery(
    long profiles,
    long events,
    Map<String, Long> nodes,
    List<FollowsEdge> edges,
    Map<String, Long> starts,
    Map<String, Long> ends,
    List<Variant> variants) {

  private static final Comparator<FollowsEdge> EDGE_ORDER =
      Comparator.comparingLong(FollowsEdge::count)
          .reversed()
          .thenComparing(FollowsEdge::from)
          .thenComparing(FollowsEdge::to);

  static final Comparator<List<String>> STEPS_ORDER =
      (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          int c = a.get(i).compareTo(b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.size(), b.size());
      };

  private static final Comparator<Variant> VARIANT_ORDER =
      Comparator.comparingLong(Variant::count)
          .reversed()
          .thenComparing(Variant::steps, STEPS_ORDER);

  /** No profiles. */
  public static final Discovery EMPTY =
      new Discovery(0, 0, Map.of(), List.of(), Map.of(), Map.of(), List.of());

  public Discovery {
    if (profiles < 0 || events < profiles) {
      throw new IllegalArgumentException(
          "a discovery counts at least one event per profile, was %d events for %d profiles"
              .formatted(events, profiles));
    }
    nodes = byCount(nodes);
    starts = byCount(starts);
    ends = byCount(ends);
    edges = edges.stream().sorted(EDGE_ORDER).toList();
    variants = variants.stream().sorted(VARIANT_ORDER).toList();
  }

  /** How many distinct variants there are (before {@link #top}). */
  public int variantCount() {
    return variants.size();
  }

  /** The {@code n} most frequent variants (all when fewer). */
  public List<Variant> top(int n) {
    return variants.subList(0, Math.min(n, variants.size()));
  }

  /** The share of profiles that took the variant, from 0 to 1; 0 when there are no profiles. */
  public double share(Variant variant) {
    return profiles == 0 ? 0 : (double) variant.count() / profiles;
  }

  /**
   * The discovery of both sets of profiles together, assuming they are disjoint (partitions by
   * profile): every count adds, durations are pooled, variants with the same steps add.
   */
  public Discovery merge(Discovery other) {
    Map<List<String>, FollowsEdge> edgeMap = new HashMap<>();
    for (FollowsEdge edge : concat(edges, other.edges)) {
      edgeMap.merge(
          List.of(edge.from(), edge.to()),
          edge,
          (a, b) ->
              new FollowsEdge(
                  a.from(), a.to(), a.count() + b.count(), a.durations().merge(b.durations())));
    }
    Map<List<String>, Long> variantMap = new HashMap<>();
    for (Variant variant : concat(variants, other.variants)) {
      variantMap.merge(variant.steps(), variant.count(), Long::sum);
    }
    return new Discovery(
        profiles + other.profiles,
        events + other.events,
        add(nodes, other.nodes),
        List.copyOf(edgeMap.values()),
        add(starts, other.starts),
        add(ends, other.ends),
        variantMap.entrySet().stream().map(e -> new Variant(e.getKey(), e.getValue())).toList());
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static Map<String, Long> add(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> sum = new HashMap<>(a);
    b.forEach((k, v) -> sum.merge(k, v, Long::sum));
    return sum;
  }

  private static Map<String, Long> byCount(Map<String, Long> counts) {
    Map<String, Long> ordered = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return Collections.unmodifiableMap(ordered);
  }
}
