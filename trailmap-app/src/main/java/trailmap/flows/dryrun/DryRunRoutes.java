package trailmap.flows.dryrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import trailmap.analytics.EventTable;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.runtime.FlowStore;
import trailmap.flows.runtime.FlowSummary;
import trailmap.maps.JourneyMap;
import trailmap.server.Bodies;
import trailmap.server.Problem;
import trailmap.server.ProblemException;
import trailmap.server.Requires;

/**
 * {@code POST /api/flows/{id}/dry-run} (viewer): replays the stored events of a time range through
 * a flow on simulated time and answers what would have happened; nothing is sent. The body is
 * optional: {@code {"version": N, "from": ISO, "to": ISO}}; the version defaults to the published
 * one, else the latest draft. Simulated sends obey the server's {@code messaging} rules (caps,
 * quiet hours, opt-in, global holdout); touchpoint and stage triggers are replayed against the
 * latest stored version of their map, segment triggers from the segment's recorded entries and api
 * triggers from the flow's logged calls. The answer is {@link FlowDryRun}'s (docs/flow-dry-run.md).
 */
public final class DryRunRoutes {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long MAX_BODY_BYTES = 16 * 1024;

  private final FlowStore flows;
  private final Supplier<EventTable> tables;
  private final MessagePolicy policy;
  private final Function<String, Optional<JourneyMap>> maps;
  private final TriggerHistories histories;

  /**
   * @param policy the server's messaging rules, which the simulated sends obey
   * @param maps the latest stored version of a map by id, for touchpoint and stage triggers
   * @param histories the segments' recorded entries and the flows' logged API calls
   */
  public DryRunRoutes(
      FlowStore flows,
      Supplier<EventTable> tables,
      MessagePolicy policy,
      Function<String, Optional<JourneyMap>> maps,
      TriggerHistories histories) {
    this.flows = flows;
    this.tables = tables;
    this.policy = policy;
    this.maps = maps;
    this.histories = histories;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/flows/{id}/dry-run", this::dryRun, Requires.VIEWER);
  }

  private void dryRun(Context ctx) {
    String id = ctx.pathParam("id");
    FlowSummary flow =
        flows
            .flow(id)
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.of(
                            404,
                            "not-found",
                            "flow not found",
                            "there is no flow with id '"
                                + id
                                + "'; list them with GET /api/flows")));
    JsonNode body = body(Bodies.readText(ctx, MAX_BODY_BYTES, "send only version, from and to"));
    int version =
        body.has("version")
            ? body.get("version").asInt(-1)
            : flow.currentVersion().orElse(flow.latestVersion());
    if (version < 1 || version > flow.latestVersion()) {
      throw invalid(
          "version: flow '"
              + id
              + "' has versions 1 to "
              + flow.latestVersion()
              + ", was "
              + body.get("version"));
    }
    ctx.json(
        FlowDryRun.run(
            flows.load(id, version),
            tables.get(),
            instant(body, "from"),
            instant(body, "to"),
            DryRunRules.ofServer(policy),
            flows.assignmentSeed(),
            maps,
            histories));
  }

  private static JsonNode body(String text) {
    if (text.isBlank()) {
      return MAPPER.createObjectNode();
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (!node.isObject()) {
        throw invalid("the body must be a JSON object like {\"from\": …, \"to\": …}");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw invalid("the body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static Optional<Instant> instant(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(DryRunInstants.parse(value.asText()));
    } catch (IllegalArgumentException e) {
      throw invalid(field + ": '" + value.asText() + "' " + e.getMessage());
    }
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(Problem.of(400, "invalid-query", "Invalid dry run", detail));
  }
}
