package trailmap.flows.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import trailmap.flows.Flow;
import trailmap.flows.Trigger;
import trailmap.flows.runtime.DraftResult;
import trailmap.flows.runtime.FlowStatus;
import trailmap.flows.runtime.FlowStore;
import trailmap.flows.runtime.FlowSummary;
import trailmap.flows.runtime.FlowVersionInfo;
import trailmap.maps.JourneyMap;
import trailmap.server.Bodies;
import trailmap.server.Problem;
import trailmap.server.ProblemException;
import trailmap.server.Requires;

/**
 * {@code /api/flows}: drafts and versions, publish / pause / archive, per-step statistics; and
 * {@code /api/templates/{name}}, the email bodies flows name. Reads are for viewers, changes for
 * editors. See docs/flows-api.md for every answer.
 *
 * <p>Errors: an unknown flow is 404; an invalid document 400 with every problem at line and column;
 * a status change the flow's status does not allow, an unknown version to publish, publishing a
 * flow whose SMS or push provider is not configured or whose touchpoint or stage trigger names a
 * map, touchpoint or stage that is not stored, or creating a flow whose id exists is 409, naming
 * the current status (or what exists) and what to do instead.
 */
public final class FlowRoutes {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> PUBLISH_FIELDS = Set.of("version", "migrate");

  private final FlowStore store;
  private final long maxBodyBytes;
  private final Set<String> providers;
  private final FlowMaps maps;

  /**
   * @param maxBodyBytes the largest flow or template body accepted (the server's {@code
   *     maxMapBytes})
   * @param providers the names under the config's {@code messaging.providers}: publishing a flow
   *     whose SMS or push step names another is a 409
   * @param latestMap the latest stored version of a map by id: publishing a flow whose touchpoint
   *     or stage trigger names a map it does not find, or a touchpoint or stage that version lacks,
   *     is a 409; the stats of a published flow whose map lost it since carry a warning
   * @param mapIds the ids of every stored map, named in those 409s
   */
  public FlowRoutes(
      FlowStore store,
      long maxBodyBytes,
      Set<String> providers,
      Function<String, Optional<JourneyMap>> latestMap,
      Supplier<? extends Collection<String>> mapIds) {
    this.store = store;
    this.maxBodyBytes = maxBodyBytes;
    this.providers = Set.copyOf(providers);
    this.maps = new FlowMaps(latestMap, mapIds);
  }

  /** Declares the routes with the roles they require. */
  public void register(RoutesConfig routes) {
    routes.get("/api/flows", this::list, Requires.VIEWER);
    routes.post("/api/flows", this::create, Requires.EDITOR);
    routes.get("/api/flows/{id}", this::document, Requires.VIEWER);
    routes.put("/api/flows/{id}", this::update, Requires.EDITOR);
    routes.get("/api/flows/{id}/versions", this::versions, Requires.VIEWER);
    routes.post("/api/flows/{id}/publish", this::publish, Requires.EDITOR);
    routes.post("/api/flows/{id}/pause", this::pause, Requires.EDITOR);
    routes.post("/api/flows/{id}/archive", this::archive, Requires.EDITOR);
    routes.get("/api/flows/{id}/stats", this::stats, Requires.VIEWER);
    routes.get("/api/templates/{name}", this::template, Requires.VIEWER);
    routes.put("/api/templates/{name}", this::saveTemplate, Requires.EDITOR);
  }

  private void list(Context ctx) {
    ctx.json(store.list().stream().map(FlowRoutes::summary).toList());
  }

  private void create(Context ctx) {
    FlowBodies.Read read = FlowBodies.read(ctx, maxBodyBytes);
    String id = read.flow().id();
    if (store.flow(id).isPresent()) {
      throw conflict(
          "flow-exists",
          "Flow already exists",
          "a flow with id '"
              + id
              + "' already exists; save a new version with PUT /api/flows/"
              + id
              + " or choose another id");
    }
    FlowVersionInfo created = draft(read);
    ctx.status(201).header("Location", "/api/flows/" + id);
    ctx.json(saved(created));
  }

  private void update(Context ctx) {
    FlowSummary flow = find(ctx);
    FlowBodies.Read read = FlowBodies.read(ctx, maxBodyBytes);
    if (!read.flow().id().equals(flow.id())) {
      throw ProblemException.badRequest(
          "id-mismatch",
          "Flow id does not match the URL",
          "field 'id' in the body is '"
              + read.flow().id()
              + "' but the URL names flow '"
              + flow.id()
              + "'; a flow's id cannot change: create a new flow with POST /api/flows instead");
    }
    if (flow.status() == FlowStatus.ARCHIVED) {
      throw conflict(
          "flow-archived",
          "Flow is archived",
          "flow '"
              + flow.id()
              + "' is archived and takes no new versions; create a flow with another id");
    }
    ctx.json(saved(draft(read)));
  }

  private FlowVersionInfo draft(FlowBodies.Read read) {
    return switch (store.createDraft(FlowBodies.SOURCE, read.text())) {
      case DraftResult.Created c -> c.version();
      case DraftResult.Invalid i -> throw FlowBodies.invalid(i.problems());
    };
  }

  private ObjectNode saved(FlowVersionInfo created) {
    ObjectNode out = summary(store.flow(created.flowId()).orElseThrow());
    out.put("version", created.version());
    return out;
  }

  private void document(Context ctx) {
    FlowSummary flow = find(ctx);
    String asked = ctx.queryParam("version");
    int version = asked == null ? flow.latestVersion() : versionNumber(asked, "version");
    String text =
        store
            .document(flow.id(), version)
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.of(
                            404,
                            "not-found",
                            "Flow version not found",
                            "flow '"
                                + flow.id()
                                + "' has no version "
                                + version
                                + "; it has "
                                + range(flow)
                                + " (GET /api/flows/"
                                + flow.id()
                                + "/versions)")));
    ctx.header("X-Flow-Version", Integer.toString(version));
    ctx.header("X-Flow-Status", flow.status().wireName());
    flow.currentVersion().ifPresent(v -> ctx.header("X-Flow-Current-Version", v.toString()));
    // The document as it was sent, comments included: GET then PUT round-trips it.
    boolean json = text.stripLeading().startsWith("{");
    ctx.contentType(json ? "application/json" : "application/yaml; charset=utf-8").result(text);
  }

  private void versions(Context ctx) {
    FlowSummary flow = find(ctx);
    ctx.json(
        store.versions(flow.id()).stream()
            .map(
                v -> {
                  ObjectNode n = MAPPER.createObjectNode();
                  n.put("version", v.version()).put("createdAt", v.createdAt().toString());
                  v.publishedAt().ifPresent(p -> n.put("publishedAt", p.toString()));
                  n.put("current", flow.currentVersion().equals(Optional.of(v.version())));
                  return n;
                })
            .toList());
  }

  private void publish(Context ctx) {
    FlowSummary flow = find(ctx);
    JsonNode body = publishBody(ctx);
    int version = body.has("version") ? versionValue(body.get("version")) : flow.latestVersion();
    boolean migrate = body.path("migrate").asBoolean(false);
    if (body.has("migrate") && !body.get("migrate").isBoolean()) {
      throw badPublishBody("'migrate' must be true or false, was " + body.get("migrate"));
    }
    if (flow.status() == FlowStatus.ARCHIVED) {
      throw wrongStatus(flow, "published", "create a flow with another id to start again");
    }
    if (version > flow.latestVersion()) {
      throw conflict(
          "unknown-version",
          "No such version",
          "flow '"
              + flow.id()
              + "' has no version "
              + version
              + "; it has "
              + range(flow)
              + ": publish one of them, or save a new version with PUT /api/flows/"
              + flow.id());
    }
    Flow loaded = store.load(flow.id(), version);
    Optional<String> noProvider = FlowProviders.unknown(loaded, providers);
    if (noProvider.isPresent()) {
      throw conflict(
          "unknown-provider",
          "Provider not configured",
          "flow '" + flow.id() + "' v" + version + ": " + noProvider.get());
    }
    Optional<FlowMaps.Gap> noMap = maps.gap(loaded);
    if (noMap.isPresent()) {
      FlowMaps.Gap gap = noMap.get();
      throw conflict(
          gap.slug(),
          gap.title(),
          "flow '"
              + flow.id()
              + "' v"
              + version
              + ": "
              + gap.what()
              + ", so no event could ever start it; "
              + (gap.slug().equals("unknown-map")
                  ? "store the map with POST /api/maps first, or name a stored map"
                  : "add it to the map with PUT /api/maps/"
                      + mapId(loaded)
                      + ", or name one of"
                      + " them")
              + " in the flow's trigger and save a new version with PUT /api/flows/"
              + flow.id());
    }
    int migrated;
    try {
      migrated = store.publish(flow.id(), version, migrate);
    } catch (IllegalArgumentException e) {
      throw conflict("wrong-status", "Status does not allow this", e.getMessage());
    }
    ObjectNode out = summary(store.flow(flow.id()).orElseThrow());
    out.put("migrated", migrated);
    ctx.json(out);
  }

  private void pause(Context ctx) {
    FlowSummary flow = find(ctx);
    if (flow.status() != FlowStatus.PUBLISHED) {
      throw wrongStatus(
          flow,
          "paused",
          flow.status() == FlowStatus.PAUSED
              ? "it is paused already; resume it with POST /api/flows/" + flow.id() + "/publish"
              : flow.status() == FlowStatus.DRAFT
                  ? "publish it first with POST /api/flows/" + flow.id() + "/publish"
                  : "an archived flow stays archived");
    }
    change(ctx, flow, () -> store.pause(flow.id()));
  }

  private void archive(Context ctx) {
    FlowSummary flow = find(ctx);
    if (flow.status() == FlowStatus.ARCHIVED) {
      throw wrongStatus(flow, "archived", "it is archived already");
    }
    change(ctx, flow, () -> store.archive(flow.id()));
  }

  private void change(Context ctx, FlowSummary flow, Runnable action) {
    try {
      action.run();
    } catch (IllegalArgumentException e) {
      // Another request changed the status between our check and the store's.
      throw conflict("wrong-status", "Status does not allow this", e.getMessage());
    }
    ctx.json(summary(store.flow(flow.id()).orElseThrow()));
  }

  private void stats(Context ctx) {
    ctx.json(statsOf(find(ctx)));
  }

  /**
   * The answer of {@code GET /api/flows/{id}/stats} for {@code flow}, with its warnings: also what
   * the web UI's flow page draws, so the page and the API never disagree.
   */
  public ObjectNode statsOf(FlowSummary flow) {
    return FlowStatsView.of(store, flow, warnings(flow));
  }

  /**
   * What keeps a published or paused flow from taking entries that publishing could not refuse: its
   * map, touchpoint or stage went after it was published (maps are saved and deleted freely).
   */
  private List<String> warnings(FlowSummary flow) {
    if (flow.currentVersion().isEmpty() || flow.status() == FlowStatus.ARCHIVED) {
      return List.of();
    }
    Flow current = store.load(flow.id(), flow.currentVersion().get());
    return maps.gap(current)
        .map(
            gap ->
                List.of(
                    "v%d: %s, so the flow takes no new entries (profiles inside go on); store the map again or publish a version whose trigger names what exists"
                        .formatted(flow.currentVersion().get(), gap.what())))
        .orElse(List.of());
  }

  private static String mapId(Flow flow) {
    return switch (flow.trigger()) {
      case Trigger.TouchpointEntered t -> t.mapId();
      case Trigger.StageEntered s -> s.mapId();
      default -> throw new IllegalArgumentException("flow '" + flow.id() + "' names no map");
    };
  }

  private void template(Context ctx) {
    String name = ctx.pathParam("name");
    String body =
        store
            .template(name)
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.of(
                            404,
                            "not-found",
                            "Template not found",
                            "there is no email template '"
                                + name
                                + "'; store one with PUT /api/templates/"
                                + name
                                + " (an HTML body)")));
    ctx.contentType("text/html; charset=utf-8").result(body);
  }

  private void saveTemplate(Context ctx) {
    String name = ctx.pathParam("name");
    if (!name.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
      throw ProblemException.badRequest(
          "bad-template-name",
          "Bad template name",
          "template names are lower-case slugs ([a-z0-9][a-z0-9_-]*, at most 64 characters), was '"
              + name
              + "'");
    }
    String body =
        Bodies.readText(
            ctx,
            maxBodyBytes,
            "raise '" + FlowBodies.LIMIT_KEY + "' in the server's --config file");
    if (body.isBlank()) {
      throw ProblemException.badRequest(
          "empty-body", "Empty body", "the template is empty; send its HTML as the body");
    }
    store.saveTemplate(name, body);
    ctx.status(204);
  }

  private FlowSummary find(Context ctx) {
    String id = ctx.pathParam("id");
    return store
        .flow(id)
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        404,
                        "not-found",
                        "Flow not found",
                        "there is no flow with id '"
                            + id
                            + "'; list them with GET /api/flows or create it with POST"
                            + " /api/flows")));
  }

  private static JsonNode publishBody(Context ctx) {
    String text = Bodies.readText(ctx, 64 * 1024, "send only {\"version\": N, \"migrate\": true}");
    if (text.isBlank()) {
      return MAPPER.createObjectNode();
    }
    JsonNode body;
    try {
      body = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw badPublishBody("the body is not JSON: " + e.getOriginalMessage());
    }
    if (!body.isObject()) {
      throw badPublishBody("the body must be a JSON object");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!PUBLISH_FIELDS.contains(name)) {
        throw badPublishBody("unknown field '" + name + "'");
      }
    }
    return body;
  }

  private static int versionValue(JsonNode node) {
    if (node.isIntegralNumber() && node.asLong() >= 1 && node.asLong() <= Integer.MAX_VALUE) {
      return node.asInt();
    }
    throw badPublishBody("'version' must be a version number (1, 2, …), was " + node);
  }

  private static ProblemException badPublishBody(String what) {
    return ProblemException.badRequest(
        "bad-publish-body",
        "Bad publish request",
        what
            + "; send nothing (publish the newest version) or {\"version\": N, \"migrate\":"
            + " true|false}");
  }

  private static int versionNumber(String text, String parameter) {
    try {
      int number = Integer.parseInt(text);
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.badRequest(
        "bad-version",
        "Bad version number",
        "'" + parameter + "' must be a version number (1, 2, …), was '" + text + "'");
  }

  private static String range(FlowSummary flow) {
    return flow.latestVersion() == 1 ? "only version 1" : "versions 1 to " + flow.latestVersion();
  }

  private static ProblemException wrongStatus(FlowSummary flow, String to, String remedy) {
    return conflict(
        "wrong-status",
        "Status does not allow this",
        "flow '"
            + flow.id()
            + "' is "
            + flow.status().wireName()
            + " and cannot be "
            + to
            + "; "
            + remedy);
  }

  private static ProblemException conflict(String slug, String title, String detail) {
    return new ProblemException(Problem.of(409, slug, title, detail));
  }

  static ObjectNode summary(FlowSummary s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", s.id()).put("name", s.name()).put("status", s.status().wireName());
    s.currentVersion().ifPresent(v -> n.put("currentVersion", v));
    n.put("latestVersion", s.latestVersion()).put("updatedAt", s.updatedAt().toString());
    return n;
  }
}
