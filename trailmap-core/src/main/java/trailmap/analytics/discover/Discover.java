package trailmap.analytics.discover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import trailmap.analytics.EventTable;
import trailmap.analytics.matching.Labelling;
import trailmap.analytics.matching.MergedSteps;

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
    VariantCounts variants = new VariantCounts();
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
      variants.add(sequence, size);
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
    List<Variant> variantList = variants.toList(labelling);
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

  /**
   * Counts of distinct node sequences: an open-addressing hash table over sequences stored back to
   * back in one int pool, so counting a profile's variant allocates nothing once the tables have
   * grown (a {@code HashMap<NodeSequence, …>} allocated a key per profile and dominated the run).
   */
  private static final class VariantCounts {
    private int[] pool = new int[1024];
    private int poolSize;
    private int[] offsets = new int[64];
    private int[] lengths = new int[64];
    private int[] hashes = new int[64];
    private long[] counts = new long[64];
    private int size;
    private int[] slots = new int[128]; // variant + 1, or 0 for empty

    void add(int[] sequence, int length) {
      int hash = 1;
      for (int i = 0; i < length; i++) {
        hash = 31 * hash + sequence[i];
      }
      hash ^= hash >>> 16;
      int mask = slots.length - 1;
      for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
        int v = slots[slot] - 1;
        if (v < 0) {
          slots[slot] = insert(sequence, length, hash) + 1;
          if (size * 2 > slots.length) {
            rehash();
          }
          return;
        }
        if (hashes[v] == hash && lengths[v] == length && same(v, sequence, length)) {
          counts[v]++;
          return;
        }
      }
    }

    private boolean same(int variant, int[] sequence, int length) {
      int offset = offsets[variant];
      for (int i = 0; i < length; i++) {
        if (pool[offset + i] != sequence[i]) {
          return false;
        }
      }
      return true;
    }

    private int insert(int[] sequence, int length, int hash) {
      if (size == counts.length) {
        int capacity = size * 2;
        offsets = Arrays.copyOf(offsets, capacity);
        lengths = Arrays.copyOf(lengths, capacity);
        hashes = Arrays.copyOf(hashes, capacity);
        counts = Arrays.copyOf(counts, capacity);
      }
      if (poolSize + length > pool.length) {
        pool = Arrays.copyOf(pool, Math.max(poolSize + length, pool.length * 2));
      }
      System.arraycopy(sequence, 0, pool, poolSize, length);
      offsets[size] = poolSize;
      lengths[size] = length;
      hashes[size] = hash;
      counts[size] = 1;
      poolSize += length;
      return size++;
    }

    private void rehash() {
      slots = new int[slots.length * 2];
      int mask = slots.length - 1;
      for (int v = 0; v < size; v++) {
        int slot = hashes[v] & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = v + 1;
      }
    }

    List<Variant> toList(Labelling labelling) {
      List<Variant> list = new ArrayList<>(size);
      for (int v = 0; v < size; v++) {
        List<String> names = new ArrayList<>(lengths[v]);
        for (int i = 0; i < lengths[v]; i++) {
          names.add(labelling.name(pool[offsets[v] + i]));
        }
        list.add(new Variant(names, counts[v]));
      }
      return list;
    }
  }

  /** The durations of one edge while they are collected. */
  private static final class EdgeSample {
    long[] micros = new long[4];
    int count;

    void add(long value) {
      if (count == micros.length) {
        micros = Arrays.copyOf(micros, count * 2);
      }
      micros[count++] = value;
    }
  }
}
