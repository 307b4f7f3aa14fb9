package trailmap.analytics.paths;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What {@link Paths} counted. Every count is of profiles (one path per profile). Canonical order,
 * whatever the input order: paths by count descending, then steps name by name; Sankey edges by
 * step, then count descending, then {@code from} and {@code to}; loops and back-and-forth by count
 * descending, then names. Immutable.
 *
 * @param profiles profiles with at least one step (the ones that could have a path)
 * @param counted profiles that have a path under the query (the sum of the path counts)
 * @param paths every distinct path; {@link #top} keeps the most frequent
 */
public record PathsFound(
    long profiles,
    long counted,
    List<PathCount> paths,
    List<SankeyEdge> edges,
    List<Loop> loops,
    List<BackAndForth> backAndForth) {

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

  public PathsFound {
    if (counted < 0 || counted > profiles) {
      throw new IllegalArgumentException(
          "counted %d profiles out of %d; it must be between 0 and that"
              .formatted(counted, profiles));
    }
    paths =
        paths.stream()
            .sorted(
                Comparator.comparingLong(PathCount::count)
                    .reversed()
                    .thenComparing(PathCount::steps, STEPS_ORDER))
            .toList();
    edges =
        edges.stream()
            .sorted(
                Comparator.comparingInt(SankeyEdge::step)
                    .thenComparing(Comparator.comparingLong(SankeyEdge::count).reversed())
                    .thenComparing(SankeyEdge::from)
                    .thenComparing(SankeyEdge::to))
            .toList();
    loops =
        loops.stream()
            .sorted(Comparator.comparingLong(Loop::count).reversed().thenComparing(Loop::node))
            .toList();
    backAndForth =
        backAndForth.stream()
            .sorted(
                Comparator.comparingLong(BackAndForth::count)
                    .reversed()
                    .thenComparing(BackAndForth::from)
                    .thenComparing(BackAndForth::to))
            .toList();
  }

  /** The {@code n} most frequent paths (all when fewer). */
  public List<PathCount> top(int n) {
    return paths.subList(0, Math.min(n, paths.size()));
  }

  /** Both sets of profiles together, assuming they are disjoint: every count adds. */
  public PathsFound merge(PathsFound other) {
    return new PathsFound(
        profiles + other.profiles,
        counted + other.counted,
        add(
            paths,
            other.paths,
            PathCount::steps,
            (p, n) -> new PathCount(p.steps(), n),
            PathCount::count),
        add(
            edges,
            other.edges,
            e -> List.of(e.step(), e.from(), e.to()),
            (e, n) -> new SankeyEdge(e.step(), e.from(), e.to(), n),
            SankeyEdge::count),
        add(loops, other.loops, Loop::node, (l, n) -> new Loop(l.node(), n), Loop::count),
        add(
            backAndForth,
            other.backAndForth,
            b -> List.of(b.from(), b.to()),
            (b, n) -> new BackAndForth(b.from(), b.to(), n),
            BackAndForth::count));
  }

  private static <T> List<T> add(
      List<T> a,
      List<T> b,
      Function<T, Object> key,
      BiFunction<T, Long, T> withCount,
      Function<T, Long> count) {
    Map<Object, T> sum = new HashMap<>();
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    for (T item : all) {
      sum.merge(
          key.apply(item), item, (x, y) -> withCount.apply(x, count.apply(x) + count.apply(y)));
    }
    return List.copyOf(sum.values());
  }
}
