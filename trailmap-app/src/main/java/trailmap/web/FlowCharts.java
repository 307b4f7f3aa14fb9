package trailmap.web;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The flow page's charts, drawn on the server as inline SVG (the pages run no scripts): the steps
 * as grouped bars, and goal conversion outside the holdout against inside it.
 */
final class FlowCharts {
  /** Each step's series: the stats' field, its legend and its colour. */
  private static final String[][] SERIES = {
    {"waiting", "waiting now", "#2f6fde"},
    {"sent", "messages sent", "#1c7342"},
    {"suppressed", "sends suppressed", "#c77700"},
  };

  private static final int LABEL = 190;
  private static final int BARS = 460;
  private static final int WIDTH = LABEL + BARS + 90;
  private static final int BAR = 12;
  private static final int GAP = 3;
  private static final int GROUP = SERIES.length * (BAR + GAP) + 14;
  private static final int LEGEND = 30;

  private FlowCharts() {}

  /**
   * The steps of the stats answer in its order, each with a bar for profiles waiting there,
   * messages it sent and sends it had suppressed, on one scale; every bar carries its number.
   */
  static String steps(JsonNode steps) {
    long max = 1;
    for (JsonNode step : steps) {
      for (String[] series : SERIES) {
        max = Math.max(max, value(step, series[0]));
      }
    }
    int height = LEGEND + Math.max(1, steps.size()) * GROUP;
    StringBuilder svg =
        open("step-chart", height, "Profiles waiting, messages sent and sends suppressed per step");
    int x = LABEL;
    for (String[] series : SERIES) {
      svg.append("<rect x=\"")
          .append(x)
          .append("\" y=\"6\" width=\"12\" height=\"12\" fill=\"")
          .append(series[2])
          .append("\"/><text x=\"")
          .append(x + 17)
          .append("\" y=\"16\">")
          .append(series[1])
          .append("</text>");
      x += 150;
    }
    int y = LEGEND;
    for (JsonNode step : steps) {
      String id = step.path("id").asText();
      svg.append("<g class=\"step\" data-step=\"").append(Html.escape(id)).append("\">");
      svg.append("<text class=\"step-label\" x=\"")
          .append(LABEL - 10)
          .append("\" y=\"")
          .append(y + BAR + GAP + BAR - 2)
          .append("\" text-anchor=\"end\"><title>")
          .append(Html.escape(id))
          .append("</title>")
          .append(Html.escape(shortened(id)))
          .append("</text>");
      int row = y;
      for (String[] series : SERIES) {
        long n = value(step, series[0]);
        long width = Math.round((double) BARS * n / max);
        svg.append("<rect class=\"bar bar-")
            .append(series[0])
            .append("\" x=\"")
            .append(LABEL)
            .append("\" y=\"")
            .append(row)
            .append("\" width=\"")
            .append(n > 0 ? Math.max(width, 1) : 0)
            .append("\" height=\"")
            .append(BAR)
            .append("\" fill=\"")
            .append(series[2])
            .append("\"><title>")
            .append(Html.escape(id))
            .append(" · ")
            .append(series[1])
            .append(": ")
            .append(Html.count(n))
            .append("</title></rect><text class=\"bar-value\" x=\"")
            .append(LABEL + width + 6)
            .append("\" y=\"")
            .append(row + BAR - 2)
            .append("\">")
            .append(Html.count(n))
            .append("</text>");
        row += BAR + GAP;
      }
      svg.append("</g>");
      y += GROUP;
    }
    return svg.append("</svg>").toString();
  }

  /**
   * Two bars on a 0–100 % scale: the goal conversion of profiles outside the holdout (they got the
   * flow's messages) and inside it (they did not); an empty group draws no bar.
   */
  static String conversion(JsonNode conversion) {
    String[][] groups = {
      {"treatment", "outside the holdout", "#2f6fde"},
      {"holdout", "in the holdout", "#8d96aa"},
    };
    int height = groups.length * 30 + 10;
    StringBuilder svg =
        open("conversion-chart", height, "Goal conversion outside and inside the holdout");
    int y = 8;
    for (String[] group : groups) {
      JsonNode g = conversion.path(group[0]);
      JsonNode rate = g.path("rate");
      double r = rate.isNumber() ? rate.asDouble() : 0;
      long width = Math.round(BARS * r);
      String label =
          rate.isNumber()
              ? Html.percent(r)
                  + " ("
                  + Html.count(g.path("converted").asLong())
                  + " of "
                  + Html.count(g.path("profiles").asLong())
                  + ")"
              : "no profiles yet";
      svg.append("<text x=\"")
          .append(LABEL - 10)
          .append("\" y=\"")
          .append(y + 14)
          .append("\" text-anchor=\"end\">")
          .append(group[1])
          .append("</text><rect class=\"bar bar-")
          .append(group[0])
          .append("\" x=\"")
          .append(LABEL)
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(width)
          .append("\" height=\"18\" fill=\"")
          .append(group[2])
          .append("\"/><text class=\"bar-value\" x=\"")
          .append(LABEL + width + 6)
          .append("\" y=\"")
          .append(y + 14)
          .append("\">")
          .append(Html.escape(label))
          .append("</text>");
      y += 30;
    }
    return svg.append("</svg>").toString();
  }

  /** The chart's opening tag, {@link #WIDTH} wide: an image to assistive technology. */
  private static StringBuilder open(String cssClass, int height, String label) {
    return new StringBuilder()
        .append("<svg class=\"")
        .append(cssClass)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(label)
        .append("\">");
  }

  private static long value(JsonNode step, String field) {
    JsonNode v = step.path(field);
    if (v.isObject()) {
      // "suppressed" is counted by cause.
      long sum = 0;
      for (JsonNode n : v) {
        sum += n.asLong();
      }
      return sum;
    }
    return v.asLong();
  }

  /** A long step id cut to fit beside its bars; the whole id is in the label's tooltip. */
  private static String shortened(String id) {
    return id.length() <= 26 ? id : id.substring(0, 25) + "…";
  }
}
