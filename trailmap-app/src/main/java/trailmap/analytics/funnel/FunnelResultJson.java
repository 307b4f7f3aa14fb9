package trailmap.analytics.funnel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Writes the funnel answer document:
 *
 * <pre>{@code
 * {"steps": [{"name": …, "count": N, "conversionFromFirst": x, "conversionFromPrevious": x,
 *             "dropOff": N, "averageSecondsToConvert": x, "medianSecondsToConvert": x,
 *             "p90SecondsToConvert": x, "histogram": [{"fromSeconds": 0, "toSeconds": 60,
 *             "count": N}, …]}, …],
 *  "series": [{"breakdown": value, "steps": […]}, …],
 *  "warnings": ["…"],
 *  "counted": {"profiles": N, "attempts": N, "order": …, "window": …, "from": …, "to": …, …}}
 * }</pre>
 *
 * Times to convert are null where no time exists (step 1, or a step nobody reached); the last
 * histogram bucket has {@code "toSeconds": null}.
 */
public final class FunnelResultJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The rules the engine applied, stated in every answer so a reader knows what was counted. */
  static final List<String> RULES =
      List.of(
          "each first-step event in [from, to) starts an attempt; later steps may fall after 'to'",
          "an attempt reaches a step within the window measured from its first step (inclusive)",
          "one event satisfies at most one step; equal times count in arrival order",
          "ordered: other events may come between steps; strict: none may (after the filters);"
              + " unordered: steps after the first in any order",
          "an attempt with an excluded event between the events at which it reached fromStep and"
              + " toStep is dropped entirely",
          "a profile counts once, at the furthest step of its clean attempts; times and breakdown"
              + " value come from the earliest such attempt");

  private FunnelResultJson() {}

  /** The answer to {@code query}. */
  public static ObjectNode write(FunnelResult result, FunnelQuery query) {
    ObjectNode out = JSON.objectNode();
    out.set("steps", steps(result.steps()));
    ArrayNode series = out.putArray("series");
    for (Series s : result.series()) {
      ObjectNode one = series.addObject();
      one.put("breakdown", s.breakdown());
      one.set("steps", steps(s.steps()));
    }
    ArrayNode warnings = out.putArray("warnings");
    result.warnings().forEach(warnings::add);
    out.set("counted", counted(result, query));
    return out;
  }

  private static ArrayNode steps(List<StepResult> steps) {
    ArrayNode out = JSON.arrayNode();
    for (StepResult step : steps) {
      ObjectNode one = out.addObject();
      one.put("name", step.name());
      one.put("count", step.count());
      one.put("conversionFromFirst", step.conversionFromFirst());
      one.put("conversionFromPrevious", step.conversionFromPrevious());
      one.put("dropOff", step.dropOff());
      seconds(one, "averageSecondsToConvert", step.averageSecondsToConvert());
      seconds(one, "medianSecondsToConvert", step.medianSecondsToConvert());
      seconds(one, "p90SecondsToConvert", step.p90SecondsToConvert());
      ArrayNode histogram = one.putArray("histogram");
      List<Long> edges = Histogram.EDGES_SECONDS;
      for (int b = 0; b < edges.size(); b++) {
        ObjectNode bucket = histogram.addObject();
        bucket.put("fromSeconds", edges.get(b));
        if (b + 1 < edges.size()) {
          bucket.put("toSeconds", edges.get(b + 1));
        } else {
          bucket.putNull("toSeconds");
        }
        bucket.put("count", step.histogram().counts().get(b));
      }
    }
    return out;
  }

  private static void seconds(ObjectNode node, String field, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(field, value.getAsDouble());
    } else {
      node.putNull(field);
    }
  }

  private static ObjectNode counted(FunnelResult result, FunnelQuery query) {
    ObjectNode out = JSON.objectNode();
    out.put("profiles", result.profiles());
    out.put("attempts", result.attempts());
    out.put("order", query.order().wireName());
    out.put("window", query.window().text());
    out.put("windowSeconds", query.window().duration().getSeconds());
    query
        .range()
        .from()
        .ifPresentOrElse(f -> out.put("from", f.toString()), () -> out.putNull("from"));
    query.range().to().ifPresentOrElse(t -> out.put("to", t.toString()), () -> out.putNull("to"));
    ArrayNode exclusions = out.putArray("exclusions");
    for (Exclusion x : query.exclusions()) {
      ObjectNode one = exclusions.addObject();
      one.put("name", x.name());
      one.put("fromStep", x.fromStep());
      one.put("toStep", x.toStep());
    }
    switch (query.breakdown()) {
      case Breakdown.None none -> out.putNull("breakdown");
      case Breakdown.EventProperty p ->
          out.put("breakdown", "property " + p.property() + " of the entry event");
      case Breakdown.ProfileTrait t ->
          out.put("breakdown", "trait " + t.trait() + " of the profile");
      case Breakdown.PropertyOrTrait pt ->
          out.put("breakdown", pt.name() + " of the entry event, else the profile's trait");
    }
    out.put("maxSeries", query.maxSeries());
    ArrayNode rules = out.putArray("rules");
    RULES.forEach(rules::add);
    return out;
  }
}
