package trailmap.analytics.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trailmap.analytics.EventTable;
import trailmap.analytics.discover.Discover;
import trailmap.analytics.discover.Discovery;
import trailmap.analytics.discover.DiscoveryDot;
import trailmap.analytics.discover.FollowsEdge;
import trailmap.analytics.discover.Variant;
import trailmap.maps.JourneyMap;

/**
 * The discover analysis: the directly-follows graph and the variants of the journeys in a table.
 *
 * <p>Query fields, all optional: {@code from}, {@code to} (ISO 8601 instants, the range {@code
 * [from, to)} of events counted), {@code nodes} ({@code events}, {@code touchpoints} or {@code
 * stages}; default touchpoints when a map is given, else events), {@code top} (variants listed, 1
 * to 1000, default 10), {@code format} ({@code json} or {@code dot}; see {@link #wantsDot}) and
 * {@code map} (a map id, resolved by the caller and passed as {@code map}). The answer: {@code
 * {"counted": {…}, "profiles": N, "events": N, "edges": [{"from", "to", "count", "medianSeconds",
 * "p90Seconds"}], "start": {node: profiles}, "end": {…}, "variantCount": N, "variants": [{"steps":
 * […], "count": N, "share": x}]}}.
 */
public final class DiscoverAnalysis {
  static final Set<String> FIELDS = Set.of("from", "to", "nodes", "top", "map", "format");
  public static final int DEFAULT_TOP = 10;
  public static final int MAX_TOP = 1000;

  private DiscoverAnalysis() {}

  /**
   * Runs the query over {@code table}.
   *
   * @param map the map the query's {@code map} field names, or the one given with {@code --map};
   *     needed for touchpoint and stage nodes
   * @throws trailmap.server.ProblemException 400 {@code invalid-query} naming the field
   */
  public static JsonNode run(JsonNode query, EventTable table, Optional<JourneyMap> map) {
    Discovered discovered = discover(query, table, map);
    return answer(discovered.scope, discovered.discovery, discovered.top);
  }

  /** The same discovery as Graphviz DOT text ({@code --format dot}). */
  public static String dot(JsonNode query, EventTable table, Optional<JourneyMap> map) {
    return DiscoveryDot.write(discover(query, table, map).discovery);
  }

  /**
   * Whether the query asks for DOT ({@code "format": "dot"}) rather than JSON (the default), so the
   * caller knows whether to call {@link #dot} or {@link #run}.
   *
   * @throws trailmap.server.ProblemException 400 when {@code format} is neither
   */
  public static boolean wantsDot(JsonNode query) {
    Optional<String> format = QueryReader.of(query, "discover", FIELDS).text("format");
    if (format.isPresent() && !Set.of("json", "dot").contains(format.get())) {
      throw InvalidQuery.at("format", "'" + format.get() + "' is not a format; use json or dot");
    }
    return format.map("dot"::equals).orElse(false);
  }

  private record Discovered(JourneyScope scope, Discovery discovery, int top) {}

  private static Discovered discover(JsonNode query, EventTable table, Optional<JourneyMap> map) {
    wantsDot(query);
    QueryReader reader = QueryReader.of(query, "discover", FIELDS);
    int top = reader.integer("top", DEFAULT_TOP, 1, MAX_TOP);
    JourneyScope scope = JourneyScope.read(reader, table, map, List.of());
    return new Discovered(scope, Discover.of(table, scope.labelling), top);
  }

  static ObjectNode answer(JourneyScope scope, Discovery found, int top) {
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    ObjectNode counted = answer.putObject("counted");
    scope.describe(counted);
    counted.put("profiles", "profiles with at least one step; each is one journey");
    counted.put(
        "edges",
        "every direct succession of two steps counts once (a profile may count several times);"
            + " its duration runs from the last event of the first step to the first event of the"
            + " next; medianSeconds and p90Seconds interpolate between closest ranks");
    counted.put("start", "profiles whose first step is the node");
    counted.put("end", "profiles whose last step is the node");
    counted.put(
        "variants",
        "distinct whole step sequences, by profiles, most frequent first (ties by steps);"
            + " share is of all profiles counted");
    answer.put("profiles", found.profiles());
    answer.put("events", found.events());
    ArrayNode edges = answer.putArray("edges");
    for (FollowsEdge edge : found.edges()) {
      edges
          .addObject()
          .put("from", edge.from())
          .put("to", edge.to())
          .put("count", edge.count())
          .put("medianSeconds", edge.medianSeconds())
          .put("p90Seconds", edge.p90Seconds());
    }
    counts(answer.putObject("start"), found.starts());
    counts(answer.putObject("end"), found.ends());
    answer.put("variantCount", found.variantCount());
    ArrayNode variants = answer.putArray("variants");
    for (Variant variant : found.top(top)) {
      ObjectNode v = variants.addObject();
      ArrayNode steps = v.putArray("steps");
      variant.steps().forEach(steps::add);
      v.put("count", variant.count()).put("share", found.share(variant));
    }
    Answers.warnings(answer, scope.warnings);
    return answer;
  }

  private static void counts(ObjectNode target, Map<String, Long> counts) {
    counts.forEach(target::put);
  }
}
