package trailmap.analytics.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import trailmap.analytics.EventTable;
import trailmap.analytics.conformance.Conformance;
import trailmap.analytics.conformance.ConformanceFound;
import trailmap.analytics.conformance.ConformanceRules;
import trailmap.analytics.conformance.Deviation;
import trailmap.analytics.conformance.DeviationCount;
import trailmap.maps.JourneyMap;

/**
 * The conformance analysis: the share of profiles whose journey follows a map's order, and the most
 * frequent deviations.
 *
 * <p>Query fields, all optional: {@code from}, {@code to} (ISO 8601 instants, events in {@code
 * [from, to)}), {@code top} (deviations listed, 1 to 1000, default 10), {@code touchpointOrder}
 * (also require a stage's touchpoints in map order; default false), {@code ignore} (event names
 * that are not journey steps, e.g. {@code ["Heartbeat"]}) and {@code map}. The answer: {@code
 * {"counted": {…}, "map": ID, "profiles": N, "conforming": N, "share": x, "byKind": {kind: N},
 * "deviationCount": N, "deviations": [{"kind", "description", "count", "share", …}]}} where a
 * deviation also names its {@code from}/{@code to} stages (and {@code skipped} stages), its {@code
 * stage} and touchpoints, or its {@code event}.
 */
public final class ConformanceAnalysis {
  static final Set<String> FIELDS = Set.of("from", "to", "top", "touchpointOrder", "ignore", "map");

  private ConformanceAnalysis() {}

  /**
   * Runs the query over {@code table} against {@code map}.
   *
   * @param map the map to check against; required
   * @throws trailmap.server.ProblemException 400 {@code invalid-query} naming the field
   */
  public static JsonNode run(JsonNode query, EventTable table, Optional<JourneyMap> map) {
    QueryReader reader = QueryReader.of(query, "conformance", FIELDS);
    JourneyMap journeyMap =
        map.orElseThrow(
            () ->
                InvalidQuery.at(
                    "map",
                    "conformance checks journeys against a map; pass one with --map FILE|ID"
                        + " (HTTP: \"map\": ID)"));
    int top = reader.integer("top", DiscoverAnalysis.DEFAULT_TOP, 1, DiscoverAnalysis.MAX_TOP);
    Optional<Instant> from = reader.instant("from");
    Optional<Instant> to = reader.instant("to");
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw InvalidQuery.at(
          "to",
          "'" + to.get() + "' must be after from '" + from.get() + "'; the range is [from, to)");
    }
    ConformanceRules rules =
        new ConformanceRules(
            from.map(JourneyScope::micros).orElse(Long.MIN_VALUE),
            to.map(JourneyScope::micros).orElse(Long.MAX_VALUE),
            reader.bool("touchpointOrder", false),
            Set.copyOf(reader.texts("ignore")));
    ConformanceFound found = Conformance.of(table, journeyMap, rules);
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    ObjectNode counted = answer.putObject("counted");
    counted.put("map", journeyMap.id());
    ObjectNode range = counted.putObject("range");
    range.put("from", from.map(Instant::toString).orElse(null));
    range.put("to", to.map(Instant::toString).orElse(null));
    range.put("rule", "events at or after from and before to; either bound may be open");
    counted.put(
        "steps",
        "a profile's events in time order (equal times in arrival order); an event is the first"
            + " touchpoint of the map, in map order, whose matcher it meets, else it is off the map;"
            + " identify, group and alias calls and the ignored names are no steps");
    counted.put(
        "conforms",
        "no deviation: never back to an earlier stage, never past a stage not reached before,"
            + " no event off the map"
            + (rules.touchpointOrder() ? ", never back to an earlier touchpoint of a stage" : ""));
    counted.put("touchpointOrder", rules.touchpointOrder());
    ArrayNode ignored = counted.putArray("ignore");
    rules.ignoredEvents().stream().sorted().forEach(ignored::add);
    counted.put("counts", "profiles with at least one step; each deviation counts a profile once");
    answer.put("map", journeyMap.id());
    answer.put("profiles", found.profiles());
    answer.put("conforming", found.conforming());
    answer.put("share", found.share());
    ObjectNode kinds = answer.putObject("byKind");
    found.byKind().forEach(kinds::put);
    answer.put("deviationCount", found.deviations().size());
    ArrayNode deviations = answer.putArray("deviations");
    for (DeviationCount count : found.top(top)) {
      ObjectNode d = deviations.addObject();
      d.put("kind", count.deviation().kind());
      d.put("description", count.deviation().describe());
      switch (count.deviation()) {
        case Deviation.SkippedStage skip -> {
          d.put("from", skip.from()).put("to", skip.to());
          ArrayNode skipped = d.putArray("skipped");
          skip.skipped().forEach(skipped::add);
        }
        case Deviation.BackwardMove back -> d.put("from", back.from()).put("to", back.to());
        case Deviation.NotOnMap off -> d.put("event", off.event());
        case Deviation.BackwardTouchpoint back ->
            d.put("stage", back.stage()).put("from", back.from()).put("to", back.to());
      }
      d.put("count", count.count());
      d.put("share", found.profiles() == 0 ? 0 : (double) count.count() / found.profiles());
    }
    return answer;
  }
}
