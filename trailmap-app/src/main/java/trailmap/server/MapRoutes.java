package trailmap.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import trailmap.analytics.EventTable;
import trailmap.analytics.journey.LiveAnalysis;
import trailmap.analytics.live.LiveFigures;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapDiff;
import trailmap.maps.format.MapDiffJson;
import trailmap.maps.format.MapWriter;
import trailmap.maps.render.MapRenderer;
import trailmap.maps.render.RenderFormat;
import trailmap.store.MapDocument;
import trailmap.store.MapVersion;

/** {@code /api/maps}: create, read, update, delete, versions, diff and render. */
final class MapRoutes {
  private final StoredMaps maps;
  private final Clock clock;
  private final long maxMapBytes;
  private final Supplier<EventTable> tables;

  /**
   * @param tables the events that {@code render?live=true} measures the map on
   */
  MapRoutes(StoredMaps maps, Clock clock, long maxMapBytes, Supplier<EventTable> tables) {
    this.maps = maps;
    this.clock = clock;
    this.maxMapBytes = maxMapBytes;
    this.tables = tables;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/maps", this::list, Requires.VIEWER);
    routes.post("/api/maps", this::create, Requires.EDITOR);
    routes.get("/api/maps/{id}", this::read, Requires.VIEWER);
    routes.put("/api/maps/{id}", this::update, Requires.EDITOR);
    routes.delete("/api/maps/{id}", this::delete, Requires.EDITOR);
    routes.get("/api/maps/{id}/versions", this::versions, Requires.VIEWER);
    routes.get("/api/maps/{id}/versions/{number}", this::version, Requires.VIEWER);
    routes.get("/api/maps/{id}/diff", this::diff, Requires.VIEWER);
    routes.get("/api/maps/{id}/render", this::render, Requires.VIEWER);
  }

  private void list(Context ctx) {
    ctx.json(maps.store().list().stream().map(s -> MapView.of(s, clock)).toList());
  }

  private void create(Context ctx) {
    JourneyMap map = MapBodies.read(ctx, maxMapBytes);
    String yaml = MapWriter.toYaml(map);
    maps.store()
        .create(map, yaml, keyId(ctx))
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        409,
                        "map-exists",
                        "Map already exists",
                        "a map with id '"
                            + map.id()
                            + "' already exists; update it with PUT /api/maps/"
                            + map.id()
                            + " or choose another id")));
    ctx.status(201).header("Location", "/api/maps/" + map.id());
    answerSaved(ctx, map.id());
  }

  private void read(Context ctx) {
    answerDocument(ctx, maps.latest(ctx.pathParam("id")));
  }

  private void update(Context ctx) {
    String id = ctx.pathParam("id");
    maps.latest(id);
    JourneyMap map = MapBodies.read(ctx, maxMapBytes);
    if (!map.id().equals(id)) {
      throw ProblemException.badRequest(
          "id-mismatch",
          "Map id does not match the URL",
          "field 'id' in the body is '"
              + map.id()
              + "' but the URL names map '"
              + id
              + "'; a map's id cannot change: create a new map instead");
    }
    maps.store()
        .update(map, MapWriter.toYaml(map), keyId(ctx))
        .orElseThrow(() -> ProblemException.notFound("map", id));
    answerSaved(ctx, id);
  }

  private void delete(Context ctx) {
    String id = ctx.pathParam("id");
    if (!maps.store().delete(id)) {
      throw ProblemException.notFound("map", id);
    }
    ctx.status(204);
  }

  private void versions(Context ctx) {
    String id = ctx.pathParam("id");
    maps.latest(id);
    ctx.json(maps.store().versions(id).stream().map(VersionView::of).toList());
  }

  private void version(Context ctx) {
    String id = ctx.pathParam("id");
    answerDocument(ctx, maps.version(id, versionNumber(ctx.pathParam("number"), "number")));
  }

  private void diff(Context ctx) {
    String id = ctx.pathParam("id");
    String against = ctx.queryParam("against");
    String from = ctx.queryParam("from");
    String to = ctx.queryParam("to");
    JourneyMap before;
    JourneyMap after;
    if (against != null && from == null && to == null) {
      before = StoredMaps.model(maps.latest(id));
      after = StoredMaps.model(maps.latest(against));
    } else if (against == null && from != null && to != null) {
      before = StoredMaps.model(maps.version(id, versionNumber(from, "from")));
      after = StoredMaps.model(maps.version(id, versionNumber(to, "to")));
    } else {
      throw ProblemException.badRequest(
          "bad-diff-query",
          "Say what to compare",
          "give either ?from=N&to=M (two versions of this map) or ?against=OTHER_ID (another map)");
    }
    // The same document as `trailmap map diff --json`, so scripts can use either.
    ctx.json(MapDiffJson.toTree(MapDiff.between(before, after), before, after));
  }

  private void render(Context ctx) {
    String name = ctx.queryParamAsClass("format", String.class).getOrDefault("html");
    RenderFormat format =
        RenderFormat.fromWireName(name.toLowerCase(Locale.ROOT))
            .orElseThrow(
                () ->
                    ProblemException.badRequest(
                        "unknown-format",
                        "Unknown render format",
                        "format '" + name + "' is not one of " + formats()));
    String live = ctx.queryParamAsClass("live", String.class).getOrDefault("false");
    if (!live.equals("true") && !live.equals("false")) {
      throw ProblemException.badRequest(
          "bad-live",
          "Bad live flag",
          "'live' must be true (draw the live figures from the data) or false, was '" + live + "'");
    }
    JourneyMap map = StoredMaps.model(maps.latest(ctx.pathParam("id")));
    Optional<LiveFigures> figures =
        live.equals("true")
            ? Optional.of(LiveAnalysis.figures(tables.get(), map))
            : Optional.empty();
    ctx.contentType(format.mediaType()).result(MapRenderer.render(map, format, figures));
  }

  /** The valid {@code format} values: {@code html, svg, png, pdf, mermaid}. */
  static String formats() {
    return Arrays.stream(RenderFormat.values())
        .map(RenderFormat::wireName)
        .collect(Collectors.joining(", "));
  }

  private void answerSaved(Context ctx, String id) {
    ctx.json(MapView.of(maps.store().summary(id).orElseThrow(), clock));
  }

  private static void answerDocument(Context ctx, MapDocument document) {
    ctx.header("X-Map-Version", Integer.toString(document.version().number()));
    String accept = ctx.header("Accept");
    if (accept != null && accept.toLowerCase(Locale.ROOT).contains("yaml")) {
      ctx.contentType("application/yaml; charset=utf-8").result(document.yaml());
    } else {
      ctx.contentType("application/json").result(MapWriter.toJson(StoredMaps.model(document)));
    }
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

  private static String keyId(Context ctx) {
    return ctx.<String>attribute(Authorization.KEY_ID);
  }

  /** One entry of the version list. */
  record VersionView(int number, Instant createdAt, String keyId) {
    static VersionView of(MapVersion v) {
      return new VersionView(v.number(), v.createdAt(), v.keyId());
    }
  }
}
