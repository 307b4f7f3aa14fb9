package trailmap.analytics.discover;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Discovery} as Graphviz DOT text ({@code dot -Tsvg}): one box per node labelled
 * with its name and step count; an edge per succession pair labelled with its count and median
 * duration, its pen width from 1 to 6 by count relative to the busiest edge; a "start" circle with
 * an edge to each start node and an "end" double circle with an edge from each end node, labelled
 * with profile counts. Nodes are written in the discovery's order (by step count), so the text is
 * deterministic.
 */
public final class DiscoveryDot {
  private static final String START = "__start__";
  private static final String END = "__end__";

  private DiscoveryDot() {}

  public static String write(Discovery discovery) {
    StringBuilder dot = new StringBuilder();
    dot.append("digraph journey {\n");
    dot.append("  rankdir=LR;\n");
    dot.append("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
    dot.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    dot.append("  ").append(quote(START)).append(" [label=\"start\", shape=circle];\n");
    dot.append("  ").append(quote(END)).append(" [label=\"end\", shape=doublecircle];\n");
    Map<String, String> ids = new HashMap<>();
    for (Map.Entry<String, Long> node : discovery.nodes().entrySet()) {
      String id = "n" + ids.size();
      ids.put(node.getKey(), id);
      dot.append("  ")
          .append(id)
          .append(" [label=")
          .append(quote(node.getKey() + "\n" + node.getValue()))
          .append("];\n");
    }
    long busiest = discovery.edges().stream().mapToLong(FollowsEdge::count).max().orElse(1);
    for (Map.Entry<String, Long> start : discovery.starts().entrySet()) {
      edge(dot, quote(START), ids.get(start.getKey()), start.getValue() + "", 1.0);
    }
    for (FollowsEdge edge : discovery.edges()) {
      edge(
          dot,
          ids.get(edge.from()),
          ids.get(edge.to()),
          edge.count() + "\n" + humane(edge.medianSeconds()),
          1 + 5.0 * edge.count() / busiest);
    }
    for (Map.Entry<String, Long> end : discovery.ends().entrySet()) {
      edge(dot, ids.get(end.getKey()), quote(END), end.getValue() + "", 1.0);
    }
    dot.append("}\n");
    return dot.toString();
  }

  private static void edge(StringBuilder dot, String from, String to, String label, double width) {
    dot.append("  ")
        .append(from)
        .append(" -> ")
        .append(to)
        .append(" [label=")
        .append(quote(label))
        .append(String.format(Locale.ROOT, ", penwidth=%.1f];", width))
        .append('\n');
  }

  /** A DOT string literal: quotes and backslashes escaped, line breaks as {@code \n}. */
  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> {}
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  /** A duration for a label: seconds, minutes, hours or days with one decimal. */
  static String humane(double seconds) {
    if (seconds >= 86_400) {
      return String.format(Locale.ROOT, "%.1fd", seconds / 86_400);
    }
    if (seconds >= 3_600) {
      return String.format(Locale.ROOT, "%.1fh", seconds / 3_600);
    }
    if (seconds >= 60) {
      return String.format(Locale.ROOT, "%.1fm", seconds / 60);
    }
    return String.format(Locale.ROOT, "%.0fs", seconds);
  }
}
