package trailmap.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import trailmap.access.Session;
import trailmap.maps.JourneyMap;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * Where customers go through a map: a form (start node, steps, touchpoints or stages), the Sankey
 * diagram of the paths answer ({@link PathsChart}) and its top paths, back-and-forth and loops. The
 * page draws {@code POST /api/analytics/paths}'s own answer for the same query, so the two cannot
 * disagree.
 */
final class PathsPage {
  /** The steps the form offers; the API takes up to 20, a diagram wider than 8 is unreadable. */
  static final int MIN_STEPS = 2;

  static final int MAX_STEPS = 8;
  static final int DEFAULT_STEPS = 4;

  /** What the form shows before anything is chosen (and with a refused choice). */
  static final Query DEFAULTS = new Query("", DEFAULT_STEPS, "touchpoints");

  private PathsPage() {}

  /** What the form asked: a node reference or empty for each profile's first step, and so on. */
  record Query(String start, int steps, String nodes) {
    /** The query document of {@code POST /api/analytics/paths}. */
    Map<String, Object> document() {
      Map<String, Object> q = new HashMap<>();
      if (!start.isEmpty()) {
        q.put("start", start);
      }
      q.put("steps", steps);
      q.put("nodes", nodes);
      q.put("top", 10);
      return q;
    }
  }

  /**
   * Reads the form's parameters, each defaulted when absent; empty with the reason when one is not
   * one of the form's choices.
   */
  static Result<Query> query(String start, String steps, String nodes) {
    String node = nodes == null || nodes.isBlank() ? "touchpoints" : nodes.strip();
    if (!node.equals("touchpoints") && !node.equals("stages")) {
      return Result.error("Show either touchpoints or stages (nodes=touchpoints or nodes=stages).");
    }
    int k = DEFAULT_STEPS;
    if (steps != null && !steps.isBlank()) {
      try {
        k = Integer.parseInt(steps.strip());
      } catch (NumberFormatException e) {
        k = -1;
      }
      if (k < MIN_STEPS || k > MAX_STEPS) {
        return Result.error(
            "Steps must be a whole number from %d to %d.".formatted(MIN_STEPS, MAX_STEPS));
      }
    }
    return Result.ok(new Query(start == null ? "" : start.strip(), k, node));
  }

  /** A value or the sentence saying why there is none. */
  record Result<T>(Optional<T> value, String error) {
    static <T> Result<T> ok(T value) {
      return new Result<>(Optional.of(value), "");
    }

    static <T> Result<T> error(String why) {
      return new Result<>(Optional.empty(), why);
    }
  }

  /** The labels of a map's nodes: touchpoint and stage ids to their names. */
  static Function<String, String> names(JourneyMap map) {
    Map<String, String> names = new HashMap<>();
    for (Stage stage : map.stages()) {
      names.put(stage.id(), stage.name());
      for (Touchpoint t : stage.touchpoints()) {
        names.put(t.id(), t.name());
      }
    }
    return id -> names.getOrDefault(id, id);
  }

  /** The page with the answer drawn. */
  static String render(JourneyMap map, Query query, JsonNode answer, Session session) {
    Function<String, String> names = names(map);
    StringBuilder body = header(map, query);
    long profiles = answer.path("pathProfiles").asLong();
    body.append("<p class=\"summary\">")
        .append(Html.count(profiles))
        .append(profiles == 1 ? " profile has" : " profiles have")
        .append(" a path")
        .append(
            query.start().isEmpty()
                ? ", from their first step"
                : " from " + Html.escape(names.apply(nodeId(query.start()))))
        .append(", of the ")
        .append(Html.count(answer.path("profiles").asLong()))
        .append(" with events at this map's ")
        .append(Html.escape(query.nodes()))
        .append(
            ". A band is the profiles going from one step to the next (hover it for the"
                + " number); a path that ends at a step leaves the diagram there.</p>");
    for (JsonNode warning : answer.path("warnings")) {
      body.append("<p class=\"warning\">").append(Html.escape(warning.asText())).append("</p>");
    }
    body.append("<section class=\"chart paths-chart\" aria-label=\"paths\">")
        .append(PathsChart.sankey(answer.path("edges"), names))
        .append("</section>");
    body.append("<h2>Top paths</h2>");
    if (answer.path("paths").isEmpty()) {
      body.append("<p class=\"summary\">No paths.</p>");
    } else {
      body.append(
          "<table class=\"paths\"><thead><tr><th>Path</th><th>Profiles</th><th>Share</th></tr>"
              + "</thead><tbody>");
      for (JsonNode path : answer.path("paths")) {
        StringBuilder steps = new StringBuilder();
        for (JsonNode step : path.path("steps")) {
          if (!steps.isEmpty()) {
            steps.append(" → ");
          }
          steps.append(names.apply(step.asText()));
        }
        body.append("<tr><td>")
            .append(Html.escape(steps.toString()))
            .append("</td><td class=\"number\">")
            .append(Html.count(path.path("count").asLong()))
            .append("</td><td class=\"number\">")
            .append(Html.percent(path.path("share").asDouble()))
            .append("</td></tr>");
      }
      body.append("</tbody></table>");
    }
    body.append(pairs("Back and forth", answer.path("backAndForth"), names, true));
    body.append(pairs("Loops (back to a node after another)", answer.path("loops"), names, false));
    return Html.page("Paths · " + map.name(), body.toString(), Optional.of(session));
  }

  /** The page when the form or the query was refused: the form again, with the reason. */
  static String refused(JourneyMap map, Query query, String why, Session session) {
    StringBuilder body = header(map, query);
    body.append("<p class=\"error\" role=\"alert\">").append(Html.escape(why)).append("</p>");
    return Html.page("Paths · " + map.name(), body.toString(), Optional.of(session));
  }

  private static StringBuilder header(JourneyMap map, Query query) {
    StringBuilder body = Html.mapSubpage(map, "Paths through", "paths");
    body.append("<label>From <select name=\"start\">")
        .append(Html.option("", "each profile's first step", query.start()));
    for (Stage stage : map.stages()) {
      body.append(Html.option("stage:" + stage.id(), "stage: " + stage.name(), query.start()));
      for (Touchpoint t : stage.touchpoints()) {
        if (t.matcher().isPresent()) {
          body.append(Html.option("touchpoint:" + t.id(), "– " + t.name(), query.start()));
        }
      }
    }
    body.append("</select></label> <label>Steps <select name=\"steps\">");
    for (int k = MIN_STEPS; k <= MAX_STEPS; k++) {
      body.append(
          Html.option(Integer.toString(k), Integer.toString(k), Integer.toString(query.steps())));
    }
    body.append("</select></label> <label>Show <select name=\"nodes\">")
        .append(Html.option("touchpoints", "touchpoints", query.nodes()))
        .append(Html.option("stages", "stages", query.nodes()))
        .append("</select></label> <button type=\"submit\">Show paths</button></form>");
    return body;
  }

  private static String pairs(
      String title, JsonNode rows, Function<String, String> names, boolean fromTo) {
    if (rows.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("<h2>").append(Html.escape(title)).append("</h2><ul>");
    int shown = 0;
    for (JsonNode row : rows) {
      if (shown++ == 5) {
        break;
      }
      String what =
          fromTo
              ? names.apply(row.path("from").asText())
                  + " → "
                  + names.apply(row.path("to").asText())
                  + " → "
                  + names.apply(row.path("from").asText())
              : names.apply(row.path("node").asText());
      out.append("<li>")
          .append(Html.escape(what))
          .append(": ")
          .append(Html.count(row.path("count").asLong()))
          .append(" profiles</li>");
    }
    return out.append("</ul>").toString();
  }

  /** {@code touchpoint:ID} or {@code stage:ID} to the id. */
  private static String nodeId(String reference) {
    int colon = reference.indexOf(':');
    return colon < 0 ? reference : reference.substring(colon + 1);
  }
}
