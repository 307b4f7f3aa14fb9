package trailmap.analytics.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import trailmap.analytics.EventTable;
import trailmap.maps.JourneyMap;
import trailmap.server.Bodies;
import trailmap.server.Problem;
import trailmap.server.ProblemException;
import trailmap.server.Requires;

/**
 * {@code POST /api/analytics/<name>} (viewer): the body is the analysis's query document, the same
 * as {@code trailmap analyze <name> --query FILE}; {@code "map": "ID"} names a stored map (its
 * latest version) for touchpoint and stage steps. Answers the analysis's JSON, or Graphviz DOT as
 * {@code text/vnd.graphviz} for {@code discover} with {@code "format": "dot"}. See
 * docs/analytics.md.
 */
public final class AnalyticsRoutes {
  /** Queries are small documents; this bounds what a caller can make the server parse. */
  static final long MAX_QUERY_BYTES = 256 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Supplier<EventTable> tables;
  private final Function<String, Optional<JourneyMap>> maps;
  private final Function<String, Optional<java.util.Set<String>>> segments;

  /**
   * @param tables the events to analyse, as current as the source can make them
   * @param maps a stored map's latest version by id
   */
  public AnalyticsRoutes(Supplier<EventTable> tables, Function<String, Optional<JourneyMap>> maps) {
    this(tables, maps, id -> Optional.empty());
  }

  /**
   * @param segments a segment's current members by id, for {@code "where": {"segment": "ID"}}
   */
  public AnalyticsRoutes(
      Supplier<EventTable> tables,
      Function<String, Optional<JourneyMap>> maps,
      Function<String, Optional<java.util.Set<String>>> segments) {
    this.tables = tables;
    this.maps = maps;
    this.segments = segments;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/analytics/{name}", this::analyse, Requires.VIEWER);
  }

  private void analyse(Context ctx) {
    String name = ctx.pathParam("name");
    AnalysisKind kind =
        AnalysisKind.fromWireName(name)
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.of(
                            404,
                            "not-found",
                            "No such analysis",
                            "there is no analysis '"
                                + name
                                + "'; the analyses are "
                                + String.join(", ", AnalysisKind.wireNames()))));
    JsonNode query = parse(Bodies.readText(ctx, MAX_QUERY_BYTES, "send a shorter query"));
    Optional<JourneyMap> map = map(query.get("map"));
    Analyses.Answer answer = Analyses.run(kind, query, tables.get(), map, segments);
    switch (answer) {
      case Analyses.Answer.Json json -> ctx.json(json.json());
      case Analyses.Answer.Dot dot ->
          ctx.contentType("text/vnd.graphviz; charset=utf-8")
              .result(dot.text().getBytes(StandardCharsets.UTF_8));
    }
  }

  private Optional<JourneyMap> map(JsonNode field) {
    if (field == null || field.isNull()) {
      return Optional.empty();
    }
    if (!field.isTextual() || field.textValue().isBlank()) {
      throw ProblemException.badRequest(
          QueryProblems.SLUG,
          QueryProblems.TITLE,
          "$.map: must be the id of a stored map (GET /api/maps lists them)");
    }
    String id = field.textValue();
    return Optional.of(maps.apply(id).orElseThrow(() -> ProblemException.notFound("map", id)));
  }

  private static JsonNode parse(String body) {
    if (body.isBlank()) {
      throw ProblemException.badRequest(
          "empty-body", "Empty body", "send the query as a JSON object, e.g. {\"steps\": [...]}");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest(
          "malformed-json",
          "Malformed JSON",
          "the query is not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage());
    }
  }
}
