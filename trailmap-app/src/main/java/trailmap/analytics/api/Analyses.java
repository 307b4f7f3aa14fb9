package trailmap.analytics.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import trailmap.analytics.EventTable;
import trailmap.analytics.funnel.FunnelAnalysis;
import trailmap.analytics.funnel.InvalidFunnelQueryException;
import trailmap.analytics.funnel.StepResolver;
import trailmap.analytics.journey.CompareAnalysis;
import trailmap.analytics.journey.ConformanceAnalysis;
import trailmap.analytics.journey.DiscoverAnalysis;
import trailmap.analytics.journey.FrictionAnalysis;
import trailmap.analytics.journey.HypothesesAnalysis;
import trailmap.analytics.journey.PathsAnalysis;
import trailmap.analytics.journey.SurveysAnalysis;
import trailmap.maps.JourneyMap;

/**
 * Runs one analysis on one query document, the same for HTTP and the CLI. The caller resolves the
 * query's {@code map} (an id or a file) and passes the map; this class removes {@code map} from the
 * query, applies the shared {@code where} filter (the funnel applies its own, with the same shape,
 * so that {@code strict} order sees filtered events as absent too) and hands the rest to the
 * analysis. Bad queries raise {@link trailmap.server.ProblemException} 400 {@code invalid-query}
 * with every problem's JSON path. Stateless and thread-safe.
 */
public final class Analyses {
  private Analyses() {}

  /** A query's answer: JSON, or Graphviz DOT text when discover was asked for {@code dot}. */
  public sealed interface Answer {
    record Json(JsonNode json) implements Answer {}

    record Dot(String text) implements Answer {}
  }

  /**
   * Answers {@code query} over {@code table}.
   *
   * @param map the map the query's {@code map} names (or {@code --map}); needed for {@code
   *     touchpoint:ID} and {@code stage:ID} steps and for conformance
   */
  public static Answer run(
      AnalysisKind kind, JsonNode query, EventTable table, Optional<JourneyMap> map) {
    return run(kind, query, table, map, id -> Optional.empty());
  }

  /**
   * As {@link #run(AnalysisKind, JsonNode, EventTable, Optional)}, with segments for {@code
   * "where": {"segment": "ID"}}: only the profiles that are members of the segment now count.
   *
   * @param segments the current members' profile ids of a segment by id; empty for an unknown one
   */
  public static Answer run(
      AnalysisKind kind,
      JsonNode query,
      EventTable source,
      Optional<JourneyMap> map,
      Function<String, Optional<Set<String>>> segments) {
    if (!query.isObject()) {
      throw QueryProblems.of(List.of("$: the query must be a JSON object"));
    }
    ObjectNode rest = ((ObjectNode) query).deepCopy();
    rest.remove("map");
    EventTable table = bySegment(rest, source, segments);
    if (kind == AnalysisKind.FUNNEL) {
      Optional<StepResolver> steps = map.map(m -> new MapSteps(m, table));
      try {
        return new Answer.Json(FunnelAnalysis.run(rest, table, steps));
      } catch (InvalidFunnelQueryException e) {
        throw QueryProblems.of(e.problems().stream().map(Object::toString).toList());
      }
    }
    if (kind == AnalysisKind.COMPARE && FunnelCompare.wants(rest)) {
      return new Answer.Json(FunnelCompare.run(rest, table, map));
    }
    EventTable scoped = ScopeFilter.read(rest.remove("where")).apply(table);
    return switch (kind) {
      case FUNNEL -> throw new IllegalStateException("the funnel is answered above");
      case PATHS -> new Answer.Json(PathsAnalysis.run(rest, scoped, map));
      case DISCOVER ->
          DiscoverAnalysis.wantsDot(rest)
              ? new Answer.Dot(DiscoverAnalysis.dot(rest, scoped, map))
              : new Answer.Json(DiscoverAnalysis.run(rest, scoped, map));
      case CONFORMANCE -> new Answer.Json(ConformanceAnalysis.run(rest, scoped, map));
      case SURVEYS -> new Answer.Json(SurveysAnalysis.run(rest, scoped, map));
      case FRICTION -> new Answer.Json(FrictionAnalysis.run(rest, scoped, map));
      case COMPARE -> new Answer.Json(CompareAnalysis.run(rest, scoped, map));
      case HYPOTHESES -> new Answer.Json(HypothesesAnalysis.run(rest, scoped, map));
    };
  }

  /** The table with only the members of {@code where.segment}, which is removed from the query. */
  private static EventTable bySegment(
      ObjectNode rest, EventTable table, Function<String, Optional<Set<String>>> segments) {
    if (!(rest.get("where") instanceof ObjectNode where) || !where.has("segment")) {
      return table;
    }
    JsonNode segment = where.remove("segment");
    if (!segment.isTextual()) {
      throw QueryProblems.of(
          List.of("$.where.segment: must be the id of a segment, was " + segment));
    }
    Set<String> members =
        segments
            .apply(segment.textValue())
            .orElseThrow(
                () ->
                    QueryProblems.of(
                        List.of(
                            "$.where.segment: there is no segment '"
                                + segment.textValue()
                                + "'; list them with GET /api/segments")));
    return table.select(e -> true, p -> members.contains(table.profileId(p)));
  }
}
