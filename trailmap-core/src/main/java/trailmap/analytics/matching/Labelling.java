package trailmap.analytics.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import trailmap.analytics.EventTable;
import trailmap.maps.JourneyMap;

/**
 * One node per event of a table — a touchpoint, a stage or the event's name — for the analyses that
 * follow a profile from node to node (paths, discovery, conformance). {@link #node} is -1 for an
 * event that is no node (it matches no touchpoint, has no name, or lies outside a time range); the
 * analyses skip such events.
 *
 * <p>Nodes are numbered from 0 to {@link #nodes()} - 1 and named by {@link #name}: the touchpoint
 * id, the stage id or the event name. Immutable.
 */
public final class Labelling {
  private final int[] nodes;
  private final List<String> names;
  private final Map<String, Integer> byName;

  private Labelling(int[] nodes, List<String> names) {
    this.nodes = nodes;
    this.names = List.copyOf(names);
    this.byName = new HashMap<>();
    for (int n = 0; n < this.names.size(); n++) {
      byName.putIfAbsent(this.names.get(n), n);
    }
  }

  /**
   * Each event is its name (the track event or page/screen name); the default when no map is given.
   * Events without a name (identify, group and alias calls) are no node.
   */
  public static Labelling eventNames(EventTable table) {
    int[] nodes = new int[table.events()];
    int unnamed = table.names().lookup("");
    for (int e = 0; e < nodes.length; e++) {
      int name = table.name(e);
      nodes[e] = name == unnamed ? -1 : name;
    }
    return new Labelling(nodes, table.names().texts());
  }

  /**
   * Each event is the first touchpoint of {@code map}, in map order, that it matches; node {@code
   * n} is the map's {@code n}-th touchpoint (counting through the stages), named by its id.
   */
  public static Labelling touchpoints(JourneyMap map, EventTable table) {
    TouchpointMatching matching = TouchpointMatching.of(map, table);
    int[] nodes = new int[table.events()];
    for (int e = 0; e < nodes.length; e++) {
      nodes[e] = matching.first(e);
    }
    return new Labelling(nodes, matching.refs().stream().map(TouchpointRef::touchpointId).toList());
  }

  /**
   * Each event is the stage of the first touchpoint of {@code map} it matches; node {@code n} is
   * the map's {@code n}-th stage, named by its id.
   */
  public static Labelling stages(JourneyMap map, EventTable table) {
    TouchpointMatching matching = TouchpointMatching.of(map, table);
    int[] nodes = new int[table.events()];
    for (int e = 0; e < nodes.length; e++) {
      int tp = matching.first(e);
      nodes[e] = tp < 0 ? -1 : matching.touchpoint(tp).stageIndex();
    }
    return new Labelling(nodes, map.stages().stream().map(s -> s.id()).toList());
  }

  /** A labelling from explicit nodes, one per event (-1 for none); mainly for tests. */
  public static Labelling of(int[] nodes, List<String> names) {
    for (int e = 0; e < nodes.length; e++) {
      if (nodes[e] < -1 || nodes[e] >= names.size()) {
        throw new IllegalArgumentException(
            "event %d has node %d; nodes run from -1 (none) to %d"
                .formatted(e, nodes[e], names.size() - 1));
      }
    }
    return new Labelling(nodes.clone(), names);
  }

  /**
   * The same labelling with events before {@code fromMicros} (inclusive bound) or at or after
   * {@code toMicros} (exclusive bound) made no node.
   */
  public Labelling within(EventTable table, long fromMicros, long toMicros) {
    int[] kept = nodes.clone();
    for (int e = 0; e < kept.length; e++) {
      long micros = table.micros(e);
      if (micros < fromMicros || micros >= toMicros) {
        kept[e] = -1;
      }
    }
    return new Labelling(kept, names);
  }

  /** The event's node, or -1 when it is none. */
  public int node(int event) {
    return nodes[event];
  }

  /** How many events the labelling covers (the table's event count). */
  public int events() {
    return nodes.length;
  }

  /** How many nodes there are. */
  public int nodes() {
    return names.size();
  }

  /** The node's name: touchpoint id, stage id or event name. */
  public String name(int node) {
    return names.get(node);
  }

  public List<String> names() {
    return names;
  }

  /** The first node with this name, if any. */
  public OptionalInt nodeNamed(String name) {
    Integer node = byName.get(name);
    return node == null ? OptionalInt.empty() : OptionalInt.of(node);
  }
}
