package trailmap.analytics.paths;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import trailmap.analytics.EventTable;
import trailmap.analytics.matching.Labelling;
import trailmap.analytics.matching.MergedSteps;
import trailmap.analytics.matching.NodeSequence;

/**
 * Counts paths through a labelled table.
 *
 * <pre>{@code
 * PathsFound found = Paths.of(table, labelling,
 *     new PathQuery(Optional.of("pricing"), Optional.empty(), 5));
 * found.top(10);
 * }</pre>
 *
 * <p>The rules. A profile's journey is its merged steps (see {@link MergedSteps}: labelled events
 * in time order, consecutive repeats merged). Its path begins at its first step at the start node,
 * or at its first step when no start is given; a profile that never reaches the start has no path.
 * Without an end, the path is the next K steps (fewer when the journey is shorter). With an end,
 * the path runs to the first step at the end node after the path's first step — or at it, when no
 * start is given — and the profile has no path when that step is missing or more than K steps in
 * (the start counts as step 1). Each profile has at most one path and counts once. Sankey edges,
 * loops and back-and-forth are counted inside those paths, each at most once per profile.
 */
public final class Paths {
  private Paths() {}

  public static PathsFound of(EventTable table, Labelling labelling, PathQuery query) {
    OptionalInt start = resolve(labelling, query.start());
    OptionalInt end = resolve(labelling, query.end());
    boolean unreachable =
        (query.start().isPresent() && start.isEmpty())
            || (query.end().isPresent() && end.isEmpty());
    Map<NodeSequence, long[]> paths = new HashMap<>();
    Map<List<Integer>, long[]> edges = new HashMap<>();
    long[] loops = new long[labelling.nodes()];
    Map<Long, long[]> bounces = new HashMap<>();
    MergedSteps steps = new MergedSteps(table, labelling);
    int k = query.steps();
    long profiles = 0;
    long counted = 0;
    Set<Long> seen = new HashSet<>();
    Set<Integer> looped = new HashSet<>();
    for (int p = 0; p < table.profiles(); p++) {
      int size = steps.load(p);
      if (size == 0) {
        continue;
      }
      profiles++;
      if (unreachable) {
        continue;
      }
      int[] nodes = steps.nodes();
      int first = start.isPresent() ? indexOf(nodes, start.getAsInt(), 0) : 0;
      if (first < 0) {
        continue;
      }
      int last; // inclusive
      if (end.isPresent()) {
        last = indexOf(nodes, end.getAsInt(), start.isPresent() ? first + 1 : first);
        if (last < 0 || last - first + 1 > k) {
          continue;
        }
      } else {
        last = Math.min(first + k, size) - 1;
      }
      counted++;
      increment(paths, NodeSequence.of(nodes, first, last + 1));
      seen.clear();
      for (int i = first; i <= last; i++) {
        if (i > first) {
          increment(edges, List.of(i - first - 1, nodes[i - 1], nodes[i]));
        }
        if (i > first + 1 && nodes[i] == nodes[i - 2]) {
          long pair = (long) nodes[i] * labelling.nodes() + nodes[i - 1];
          if (seen.add(pair)) {
            increment(bounces, pair);
          }
        }
      }
      looped.clear();
      for (int i = first; i <= last; i++) {
        // merged steps never repeat a node back to back, so a later occurrence is a revisit
        int again = indexOf(nodes, nodes[i], i + 1);
        if (again >= 0 && again <= last && looped.add(nodes[i])) {
          loops[nodes[i]]++;
        }
      }
    }
    return result(labelling, profiles, counted, paths, edges, loops, bounces);
  }

  private static PathsFound result(
      Labelling labelling,
      long profiles,
      long counted,
      Map<NodeSequence, long[]> paths,
      Map<List<Integer>, long[]> edges,
      long[] loops,
      Map<Long, long[]> bounces) {
    List<PathCount> pathList = new ArrayList<>();
    paths.forEach((seq, n) -> pathList.add(new PathCount(seq.names(labelling), n[0])));
    List<SankeyEdge> edgeList = new ArrayList<>();
    edges.forEach(
        (e, n) ->
            edgeList.add(
                new SankeyEdge(
                    e.get(0), labelling.name(e.get(1)), labelling.name(e.get(2)), n[0])));
    List<Loop> loopList = new ArrayList<>();
    for (int node = 0; node < loops.length; node++) {
      if (loops[node] > 0) {
        loopList.add(new Loop(labelling.name(node), loops[node]));
      }
    }
    List<BackAndForth> bounceList = new ArrayList<>();
    bounces.forEach(
        (pair, n) ->
            bounceList.add(
                new BackAndForth(
                    labelling.name((int) (pair / labelling.nodes())),
                    labelling.name((int) (pair % labelling.nodes())),
                    n[0])));
    return new PathsFound(profiles, counted, pathList, edgeList, loopList, bounceList);
  }

  private static OptionalInt resolve(Labelling labelling, java.util.Optional<String> name) {
    return name.isEmpty() ? OptionalInt.empty() : labelling.nodeNamed(name.get());
  }

  private static <K> void increment(Map<K, long[]> counts, K key) {
    counts.computeIfAbsent(key, k -> new long[1])[0]++;
  }

  private static int indexOf(int[] nodes, int node, int from) {
    for (int i = from; i < nodes.length; i++) {
      if (nodes[i] == node) {
        return i;
      }
    }
    return -1;
  }
}
