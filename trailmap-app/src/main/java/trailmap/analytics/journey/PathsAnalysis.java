package trailmap.analytics.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import trailmap.analytics.EventTable;
import trailmap.analytics.paths.BackAndForth;
import trailmap.analytics.paths.Loop;
import trailmap.analytics.paths.PathCount;
import trailmap.analytics.paths.PathQuery;
import trailmap.analytics.paths.Paths;
import trailmap.analytics.paths.PathsFound;
import trailmap.analytics.paths.SankeyEdge;
import trailmap.maps.JourneyMap;

/**
 * The paths analysis: from a start node and/or to an end node, the most frequent paths of up to K
 * steps, their Sankey edges, loops and back-and-forth.
 *
 * <p>Query fields, all optional: {@code from}, {@code to} (ISO 8601 instants, events in {@code
 * [from, to)}), {@code start}, {@code end} (a node: an event name, {@code touchpoint:ID} or {@code
 * stage:ID}; the last two need a map), {@code nodes} ({@code events}, {@code touchpoints}, {@code
 * stages}), {@code steps} (K, 1 to 20, default 5), {@code top} (paths listed, 1 to 1000, default
 * 10) and {@code map}. The answer: {@code {"counted": {…}, "profiles": N, "pathProfiles": N,
 * "pathCount": N, "paths": [{"steps": […], "count": N, "share": x}], "edges": [{"step": i, "from",
 * "to", "count"}], "loops": [{"node", "count"}], "backAndForth": [{"from", "to", "count"}]}}.
 */
public final class PathsAnalysis {
  static final Set<String> FIELDS =
      Set.of("from", "to", "nodes", "start", "end", "steps", "top", "map");

  private PathsAnalysis() {}

  /**
   * Runs the query over {@code table}.
   *
   * @param map the map the query's {@code map} field names, or the one given with {@code --map};
   *     needed for touchpoint and stage nodes
   * @throws trailmap.server.ProblemException 400 {@code invalid-query} naming the field
   */
  public static JsonNode run(JsonNode query, EventTable table, Optional<JourneyMap> map) {
    QueryReader reader = QueryReader.of(query, "paths", FIELDS);
    int steps = reader.integer("steps", PathQuery.DEFAULT_STEPS, 1, PathQuery.MAX_STEPS);
    int top = reader.integer("top", DiscoverAnalysis.DEFAULT_TOP, 1, DiscoverAnalysis.MAX_TOP);
    JourneyScope scope = JourneyScope.read(reader, table, map, List.of("start", "end"));
    PathQuery pathQuery = new PathQuery(scope.node("start"), scope.node("end"), steps);
    return answer(scope, pathQuery, Paths.of(table, scope.labelling, pathQuery), top);
  }

  private static ObjectNode answer(JourneyScope scope, PathQuery query, PathsFound found, int top) {
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    ObjectNode counted = answer.putObject("counted");
    scope.describe(counted);
    counted.put("start", query.start().orElse(null));
    counted.put("end", query.end().orElse(null));
    counted.put("maxSteps", query.steps());
    counted.put(
        "path",
        "one per profile: from its first step at start (its first step when start is not set) for"
            + " up to maxSteps steps, or, when end is set, to the first step at end after that"
            + " (at it when start is not set); a profile that never reaches start, or does not"
            + " reach end within maxSteps steps, has no path");
    counted.put("counts", "profiles; loops, backAndForth and edges count a profile once each");
    counted.put("loops", "paths that come back to the node after another node");
    counted.put("backAndForth", "paths with from, to, from in three consecutive steps");
    answer.put("profiles", found.profiles());
    answer.put("pathProfiles", found.counted());
    answer.put("pathCount", found.paths().size());
    ArrayNode paths = answer.putArray("paths");
    for (PathCount path : found.top(top)) {
      ObjectNode p = paths.addObject();
      ArrayNode steps = p.putArray("steps");
      path.steps().forEach(steps::add);
      p.put("count", path.count());
      p.put("share", found.counted() == 0 ? 0 : (double) path.count() / found.counted());
    }
    ArrayNode edges = answer.putArray("edges");
    for (SankeyEdge edge : found.edges()) {
      edges
          .addObject()
          .put("step", edge.step())
          .put("from", edge.from())
          .put("to", edge.to())
          .put("count", edge.count());
    }
    ArrayNode loops = answer.putArray("loops");
    for (Loop loop : found.loops()) {
      loops.addObject().put("node", loop.node()).put("count", loop.count());
    }
    ArrayNode bounces = answer.putArray("backAndForth");
    for (BackAndForth bounce : found.backAndForth()) {
      bounces
          .addObject()
          .put("from", bounce.from())
          .put("to", bounce.to())
          .put("count", bounce.count());
    }
    Answers.warnings(answer, scope.warnings);
    return answer;
  }
}
