package trailmap.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The paths page's Sankey diagram, drawn on the server as inline SVG from the paths answer's {@code
 * edges} (the pages run no scripts). Column i holds the nodes at step i of the profiles' paths; a
 * band from one column to the next is the profiles going from one node to the other, its thickness
 * to scale. Each column shows its {@value #NODES_PER_STEP} biggest nodes; the moves of the rest are
 * counted in the caption rather than drawn.
 */
final class PathsChart {
  /** Nodes drawn per column; more would leave each too thin to read. */
  static final int NODES_PER_STEP = 7;

  private static final int WIDTH = 1000;
  private static final int PLOT = 400;
  private static final int TOP = 28;
  private static final int NODE = 14;
  private static final int GAP = 12;
  private static final int LABEL = 150;
  private static final int RIGHT_LABEL = 190;
  private static final String[] PALETTE = {
    "#2f6fde", "#1c7342", "#c77700", "#8e44ad", "#c0392b", "#16808a", "#6d5d2e", "#d0488f"
  };

  private PathsChart() {}

  /** One node as drawn: its column, id and profiles, and where its bar stands. */
  record Node(int step, String id, long profiles, double y, double height) {}

  /** One band as drawn, between two drawn nodes. */
  record Band(int step, String from, String to, long profiles, double width) {}

  /** What {@link #layout} placed: the nodes, the bands, and the profiles' moves left out. */
  record Layout(List<Node> nodes, List<Band> bands, long movesLeftOut, double scale) {}

  /**
   * Places the nodes and bands of {@code edges} ({@code [{"step", "from", "to", "count"}]}). A
   * node's size is the larger of the profiles arriving at it and those leaving it, so a column's
   * bars add up to the profiles still on their paths there.
   */
  static Layout layout(JsonNode edges) {
    List<Map<String, long[]>> columns = new ArrayList<>(); // id -> {in, out}
    for (JsonNode e : edges) {
      int step = e.path("step").asInt();
      long n = e.path("count").asLong();
      column(columns, step).computeIfAbsent(e.path("from").asText(), k -> new long[2])[1] += n;
      column(columns, step + 1).computeIfAbsent(e.path("to").asText(), k -> new long[2])[0] += n;
    }
    List<Map<String, Long>> shown = new ArrayList<>();
    double tallest = 1;
    int most = 1;
    for (Map<String, long[]> column : columns) {
      Map<String, Long> kept = new LinkedHashMap<>();
      column.entrySet().stream()
          .map(c -> Map.entry(c.getKey(), Math.max(c.getValue()[0], c.getValue()[1])))
          .sorted(
              Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                  .thenComparing(Map.Entry.comparingByKey()))
          .limit(NODES_PER_STEP)
          .forEach(c -> kept.put(c.getKey(), c.getValue()));
      shown.add(kept);
      tallest = Math.max(tallest, kept.values().stream().mapToLong(Long::longValue).sum());
      most = Math.max(most, kept.size());
    }
    double scale = (PLOT - (most - 1) * GAP) / tallest;
    List<Node> nodes = new ArrayList<>();
    Map<String, Node> byKey = new HashMap<>();
    for (int step = 0; step < shown.size(); step++) {
      double y = TOP;
      for (Map.Entry<String, Long> n : shown.get(step).entrySet()) {
        double height = Math.max(2, n.getValue() * scale);
        Node node = new Node(step, n.getKey(), n.getValue(), y, height);
        nodes.add(node);
        byKey.put(step + "\u0000" + n.getKey(), node);
        y += height + GAP;
      }
    }
    List<Band> bands = new ArrayList<>();
    long leftOut = 0;
    for (JsonNode e : edges) {
      int step = e.path("step").asInt();
      String from = e.path("from").asText();
      String to = e.path("to").asText();
      long n = e.path("count").asLong();
      if (byKey.containsKey(step + "\u0000" + from)
          && byKey.containsKey(step + 1 + "\u0000" + to)) {
        bands.add(new Band(step, from, to, n, n * scale));
      } else {
        leftOut += n;
      }
    }
    return new Layout(nodes, bands, leftOut, scale);
  }

  private static Map<String, long[]> column(List<Map<String, long[]>> columns, int step) {
    while (columns.size() <= step) {
      columns.add(new LinkedHashMap<>());
    }
    return columns.get(step);
  }

  /**
   * The diagram, with {@code names} giving the label of a node id (a touchpoint's or stage's name);
   * every label and title is escaped.
   */
  static String sankey(JsonNode edges, Function<String, String> names) {
    Layout layout = layout(edges);
    if (layout.nodes().isEmpty()) {
      return "<p class=\"summary\">No profile went from one node to another here.</p>";
    }
    int steps = layout.nodes().getLast().step() + 1;
    // The last column's labels stand to its right, so that side keeps more room.
    double columnGap = steps > 1 ? (double) (WIDTH - LABEL - RIGHT_LABEL - NODE) / (steps - 1) : 0;
    int height = TOP + PLOT + 24;
    StringBuilder svg =
        new StringBuilder(
                "<svg class=\"sankey\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .append(WIDTH)
            .append(' ')
            .append(height)
            .append("\" role=\"img\" aria-label=\"Profiles moving from step to step\">");
    for (int step = 0; step < steps; step++) {
      svg.append("<text class=\"sankey-step\" x=\"")
          .append(px(LABEL + step * columnGap + NODE / 2.0))
          .append("\" y=\"16\" text-anchor=\"middle\">step ")
          .append(step + 1)
          .append("</text>");
    }
    Map<String, Double> leaving = new HashMap<>();
    Map<String, Double> arriving = new HashMap<>();
    Map<String, Node> byKey = new HashMap<>();
    layout.nodes().forEach(n -> byKey.put(n.step() + "\u0000" + n.id(), n));
    List<Band> bands = new ArrayList<>(layout.bands());
    // Bands leave each node top to bottom in the order of their targets, so they do not cross
    // more than the data makes them.
    bands.sort(
        Comparator.comparingInt(Band::step)
            .thenComparingDouble(b -> byKey.get(b.step() + "\u0000" + b.from()).y())
            .thenComparingDouble(b -> byKey.get(b.step() + 1 + "\u0000" + b.to()).y()));
    for (Band b : bands) {
      Node from = byKey.get(b.step() + "\u0000" + b.from());
      Node to = byKey.get(b.step() + 1 + "\u0000" + b.to());
      String fromKey = b.step() + "\u0000" + b.from();
      String toKey = b.step() + 1 + "\u0000" + b.to();
      double y0 = from.y() + leaving.merge(fromKey, b.width(), Double::sum) - b.width();
      double y1 = to.y() + arriving.merge(toKey, b.width(), Double::sum) - b.width();
      double x0 = LABEL + b.step() * columnGap + NODE;
      double x1 = LABEL + (b.step() + 1) * columnGap;
      double mid = (x0 + x1) / 2;
      double w = Math.max(b.width(), 0.5);
      svg.append("<path class=\"band\" data-from=\"")
          .append(Html.escape(b.from()))
          .append("\" data-to=\"")
          .append(Html.escape(b.to()))
          .append("\" data-profiles=\"")
          .append(b.profiles())
          .append("\" data-width=\"")
          .append(px(w))
          .append("\" fill=\"")
          .append(colour(b.from()))
          .append("\" fill-opacity=\"0.35\" d=\"M")
          .append(px(x0))
          .append(',')
          .append(px(y0))
          .append(" C")
          .append(px(mid))
          .append(',')
          .append(px(y0))
          .append(' ')
          .append(px(mid))
          .append(',')
          .append(px(y1))
          .append(' ')
          .append(px(x1))
          .append(',')
          .append(px(y1))
          .append(" L")
          .append(px(x1))
          .append(',')
          .append(px(y1 + w))
          .append(" C")
          .append(px(mid))
          .append(',')
          .append(px(y1 + w))
          .append(' ')
          .append(px(mid))
          .append(',')
          .append(px(y0 + w))
          .append(' ')
          .append(px(x0))
          .append(',')
          .append(px(y0 + w))
          .append(" Z\"><title>")
          .append(Html.escape(names.apply(b.from())))
          .append(" → ")
          .append(Html.escape(names.apply(b.to())))
          .append(": ")
          .append(Html.count(b.profiles()))
          .append(" profiles</title></path>");
    }
    for (Node n : layout.nodes()) {
      double x = LABEL + n.step() * columnGap;
      String name = names.apply(n.id());
      String label = name + " · " + Html.count(n.profiles());
      boolean last = n.step() == steps - 1;
      svg.append("<g class=\"node\" data-step=\"")
          .append(n.step())
          .append("\" data-node=\"")
          .append(Html.escape(n.id()))
          .append("\" data-profiles=\"")
          .append(n.profiles())
          .append("\"><rect x=\"")
          .append(px(x))
          .append("\" y=\"")
          .append(px(n.y()))
          .append("\" width=\"")
          .append(NODE)
          .append("\" height=\"")
          .append(px(n.height()))
          .append("\" fill=\"")
          .append(colour(n.id()))
          .append("\"/><text x=\"")
          .append(px(last ? x + NODE + 6 : x - 6))
          .append("\" y=\"")
          .append(px(n.y() + Math.min(n.height(), 24) / 2 + 4))
          .append("\" text-anchor=\"")
          .append(last ? "start" : "end")
          .append("\"><title>")
          .append(Html.escape(label))
          .append("</title>")
          .append(Html.escape(shortened(label)))
          .append("</text></g>");
    }
    svg.append("</svg>");
    if (layout.movesLeftOut() > 0) {
      svg.append("<p class=\"meta\">")
          .append(Html.count(layout.movesLeftOut()))
          .append(" moves between smaller nodes (beyond the ")
          .append(NODES_PER_STEP)
          .append(" biggest of a step) are not drawn; the table lists the top paths.</p>");
    }
    return svg.toString();
  }

  /** A node keeps its colour in every column: the colour follows its id. */
  static String colour(String id) {
    return PALETTE[Math.floorMod(id.hashCode(), PALETTE.length)];
  }

  private static String shortened(String label) {
    return label.length() <= 24 ? label : label.substring(0, 23) + "…";
  }

  private static String px(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
