package trailmap.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import trailmap.access.Session;
import trailmap.maps.JourneyMap;
import trailmap.maps.Stage;

/**
 * The map's stages as a funnel: of the profiles that reached the first stage, how many went on to
 * each later one within the window, drawn as bars to one scale with the conversions and the median
 * time. The page draws {@code POST /api/analytics/funnel}'s own answer for the stages as steps
 * ({@code stage:ID}, in map order), so the two cannot disagree.
 */
final class FunnelPage {
  static final List<String> WINDOWS = List.of("7d", "14d", "30d", "90d");
  static final String DEFAULT_WINDOW = "30d";
  static final List<String> ORDERS = List.of("ordered", "unordered");

  private static final int LABEL = 210;
  private static final int BARS = 560;
  private static final int ROW = 34;

  private FunnelPage() {}

  /** The form's choices: a window and an order. */
  record Query(String window, String order) {
    Map<String, Object> document(JourneyMap map) {
      List<String> steps = new ArrayList<>();
      for (Stage stage : map.stages()) {
        steps.add("stage:" + stage.id());
      }
      Map<String, Object> q = new HashMap<>();
      q.put("steps", steps);
      q.put("window", window);
      q.put("order", order);
      return q;
    }
  }

  /** The choices asked for, each defaulted when absent; empty when one is not offered. */
  static Optional<Query> query(String window, String order) {
    String w = window == null || window.isBlank() ? DEFAULT_WINDOW : window.strip();
    String o = order == null || order.isBlank() ? "ordered" : order.strip();
    return WINDOWS.contains(w) && ORDERS.contains(o)
        ? Optional.of(new Query(w, o))
        : Optional.empty();
  }

  static final String REFUSED =
      "Choose a window of " + String.join(", ", WINDOWS) + " and an order of ordered or unordered.";

  static String render(JourneyMap map, Query query, JsonNode answer, Session session) {
    Function<String, String> names = PathsPage.names(map);
    StringBuilder body = header(map, query);
    JsonNode steps = answer.path("steps");
    long first = steps.isEmpty() ? 0 : steps.get(0).path("count").asLong();
    body.append("<p class=\"summary\">Of ")
        .append(Html.count(first))
        .append(" profiles that reached the first stage, how many reached each later one within ")
        .append(Html.escape(query.window()))
        .append(" (")
        .append(Html.escape(query.order()))
        .append(").</p>");
    for (JsonNode warning : answer.path("warnings")) {
      body.append("<p class=\"warning\">").append(Html.escape(warning.asText())).append("</p>");
    }
    body.append("<section class=\"chart funnel-chart\" aria-label=\"funnel\">")
        .append(chart(steps, names, first))
        .append("</section>");
    body.append(
        "<table class=\"funnel\"><thead><tr><th>Stage</th><th>Profiles</th><th>Of the first</th>"
            + "<th>From the previous</th><th>Median time from the first</th></tr></thead><tbody>");
    for (JsonNode step : steps) {
      body.append("<tr><td>")
          .append(Html.escape(names.apply(stageId(step.path("name").asText()))))
          .append("</td><td class=\"number\">")
          .append(Html.count(step.path("count").asLong()))
          .append("</td><td class=\"number\">")
          .append(Html.percent(step.path("conversionFromFirst").asDouble()))
          .append("</td><td class=\"number\">")
          .append(Html.percent(step.path("conversionFromPrevious").asDouble()))
          .append("</td><td class=\"number\">")
          .append(duration(step.path("medianSecondsToConvert")))
          .append("</td></tr>");
    }
    body.append("</tbody></table>");
    return Html.page("Funnel · " + map.name(), body.toString(), Optional.of(session));
  }

  static String refused(JourneyMap map, String why, Session session) {
    StringBuilder body = header(map, new Query(DEFAULT_WINDOW, "ordered"));
    body.append("<p class=\"error\" role=\"alert\">").append(Html.escape(why)).append("</p>");
    return Html.page("Funnel · " + map.name(), body.toString(), Optional.of(session));
  }

  /** One bar per stage, its width the stage's profiles on the first stage's scale. */
  static String chart(JsonNode steps, Function<String, String> names, long first) {
    StringBuilder svg =
        new StringBuilder(
                "<svg class=\"funnel\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .append(LABEL + BARS + 200)
            .append(' ')
            .append(Math.max(1, steps.size()) * ROW + 8)
            .append("\" role=\"img\" aria-label=\"Profiles reaching each stage\">");
    int y = 4;
    for (JsonNode step : steps) {
      long n = step.path("count").asLong();
      long width = first == 0 ? 0 : Math.round((double) BARS * n / first);
      String name = names.apply(stageId(step.path("name").asText()));
      svg.append("<g class=\"stage\" data-profiles=\"")
          .append(n)
          .append("\"><text x=\"")
          .append(LABEL - 10)
          .append("\" y=\"")
          .append(y + 19)
          .append("\" text-anchor=\"end\">")
          .append(Html.escape(name))
          .append("</text><rect class=\"bar\" x=\"")
          .append(LABEL)
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(n > 0 ? Math.max(width, 1) : 0)
          .append("\" height=\"26\" fill=\"#2f6fde\"/><text x=\"")
          .append(LABEL + Math.max(width, 1) + 8)
          .append("\" y=\"")
          .append(y + 19)
          .append("\">")
          .append(Html.count(n))
          .append(" · ")
          .append(Html.percent(step.path("conversionFromFirst").asDouble()))
          .append("</text></g>");
      y += ROW;
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder header(JourneyMap map, Query query) {
    StringBuilder body = Html.mapSubpage(map, "Funnel through the stages of", "funnel");
    body.append("<label>Window <select name=\"window\">");
    for (String w : WINDOWS) {
      body.append(Html.option(w, w, query.window()));
    }
    body.append("</select></label> <label>Order <select name=\"order\">");
    for (String o : ORDERS) {
      body.append(Html.option(o, o, query.order()));
    }
    return body.append("</select></label> <button type=\"submit\">Show funnel</button></form>");
  }

  private static String stageId(String name) {
    return name.startsWith("stage:") ? name.substring("stage:".length()) : name;
  }

  /** Seconds as people read them; a dash where nobody converted (or for the first stage). */
  private static String duration(JsonNode seconds) {
    return seconds.isNumber() ? Html.duration(seconds.asDouble()) : "–";
  }
}
