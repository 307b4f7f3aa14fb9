package trailmap.analytics.discover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import trailmap.analytics.EventTable;
import trailmap.analytics.matching.Labelling;
import trailmap.analytics.matching.MergedSteps;
import trailmap.analytics.matching.NodeSequence;

/**
 * Discovers the directly-follows graph of a labelled table.
 *
 * <pre>{@code
 * Discovery found = Discover.of(table, Labelling.touchpoints(map, table));
 * found.edges(); found.top(10);
 * }</pre>
 *
 * <p>The rules: a profile's journey is its labelled events in time order (ties in arrival order),
 * events that are no node skipped, and consecutive events at the same node merged into one step —
 * so a page reloaded three times is one step, and the graph has no self-loops. Each pair of
 * consecutive steps is one succession on the edge between their nodes, timed from the last event of
 * the first step to the first event of the next. The first step is the profile's start, the last
 * its end, the whole step sequence its variant. Profiles without steps are not counted.
 */
public final class Discover {
  private static final long DENSE_PAIRS = 1 << 20;

  private Discover() {}

  public static Discovery of(EventTable table, Labelling labelling) {
    int nodes = labelling.nodes();
    long[] stepCounts = new long[nodes];
    long[] starts = new long[nodes];
    long[] ends = new long[nodes];
    // Edges are looked up once per succession: a dense index when the node pairs fit, else a map.
    boolean dense = (long) nodes * nodes <= DENSE_PAIRS;
    EdgeSample[] denseEdges = dense ? new EdgeSample[nodes * nodes] : null;
    Map<Long, EdgeSample> edges = new HashMap<>();
    Map<NodeSequence, long[]> variants = new HashMap<>();
    MergedSteps steps = new MergedSteps(table, labelling);
    long profiles = 0;
    long events = 0;
    int[] sequence = new int[16];
    for (int p = 0; p < table.profiles(); p++) {
      int size = steps.load(p);
      if (size == 0) {
        continue;
      }
      profiles++;
      events += steps.events();
      starts[steps.node(0)]++;
      ends[steps.node(size - 1)]++;
      if (sequence.length < size) {
        sequence = new int[Math.max(size, sequence.length * 2)];
      }
      for (int i = 0; i < size; i++) {
        int node = steps.node(i);
        sequence[i] = node;
        stepCounts[node]++;
        if (i > 0) {
          int from = steps.node(i - 1);
          long key = (long) from * nodes + node;
          long micros = table.micros(steps.firstEvent(i)) - table.micros(steps.lastEvent(i - 1));
          EdgeSample sample;
          if (dense) {
            sample = denseEdges[(int) key];
            if (sample == null) {
              sample = new EdgeSample();
              denseEdges[(int) key] = sample;
              edges.put(key, sample);
            }
          } else {
            sample = edges.computeIfAbsent(key, k -> new EdgeSample());
          }
          sample.add(micros);
        }
      }
      variants.computeIfAbsent(NodeSequence.of(sequence, 0, size), k -> new long[1])[0]++;
    }
    List<FollowsEdge> edgeList = new ArrayList<>();
    edges.forEach(
        (key, sample) ->
            edgeList.add(
                new FollowsEdge(
                    labelling.name((int) (key / nodes)),
                    labelling.name((int) (key % nodes)),
                    sample.count,
                    Durations.of(sample.micros, sample.count))));
    List<Variant> variantList = new ArrayList<>();
    variants.forEach((seq, count) -> variantList.add(new Variant(seq.names(labelling), count[0])));
    return new Discovery(
        profiles,
        events,
        named(stepCounts, labelling),
        edgeList,
        named(starts, labelling),
        named(ends, labelling),
        variantList);
  }

  private static Map<String, Long> named(long[] counts, Labelling labelling) {
    Map<String, Long> named = new HashMap<>();
    for (int n = 0; n < counts.length; n++) {
      if (counts[n] > 0) {
        named.merge(labelling.name(n), counts[n], Long::sum);
      }
    }
    return named;
  }

  /** The durations of one edge while they are collected. */
  private static final class EdgeSample {
    long[] micros = new long[4];
    int count;

    void add(long value) {
      if (count == micros.length) {
        micros = java.util.Arrays.copyOf(micros, count * 2);
      }
      micros[count++] = value;
    }
  }
}
