package trailmap.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trailmap.access.Session;
import trailmap.access.Sessions;
import trailmap.analytics.EventTable;
import trailmap.analytics.api.MapSteps;
import trailmap.analytics.funnel.FunnelAnalysis;
import trailmap.analytics.funnel.InvalidFunnelQueryException;
import trailmap.analytics.journey.LiveAnalysis;
import trailmap.analytics.journey.PathsAnalysis;
import trailmap.analytics.live.LiveFigures;
import trailmap.flows.runtime.FlowSummary;
import trailmap.maps.JourneyMap;
import trailmap.maps.format.MapReader;
import trailmap.maps.render.MapRenderer;
import trailmap.maps.render.RenderFormat;
import trailmap.profiles.ProfileRoutes;
import trailmap.server.ProblemException;
import trailmap.store.MapDocument;
import trailmap.store.MapStore;
import trailmap.store.MapSummary;

/**
 * The UI's routes. Pages are registered with the role they need; the server's authorization step
 * redirects to {@link #LOGIN_PATH} when there is no session and puts the {@link Session} in the
 * {@link #SESSION_ATTRIBUTE} request attribute when there is one.
 *
 * <p>Every page is sent with a Content-Security-Policy that allows no scripts and only our own
 * resources: even a value that slipped past escaping could not run code or call out.
 */
public final class WebRoutes {
  public static final String LOGIN_PATH = "/login";
  public static final String SESSION_COOKIE = "trailmap_session";
  public static final String SESSION_ATTRIBUTE = "trailmap.session";
  static final String STYLESHEET_PATH = "/assets/trailmap.css";
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private static final Logger LOG = LoggerFactory.getLogger(WebRoutes.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MapStore maps;
  private final Sessions sessions;
  private final Clock clock;
  private final Supplier<EventTable> tables;
  private final FlowSource flows;
  private final Function<String, Optional<ProfileRoutes.Answer>> profiles;
  private final AtomicReference<LiveCache> cache =
      new AtomicReference<>(new LiveCache(null, new ConcurrentHashMap<>()));

  /** The live views of one table, by map id and version; replaced when the table changes. */
  private record LiveCache(EventTable table, ConcurrentHashMap<String, LiveView> views) {}

  /**
   * @param tables the events the map pages measure their maps on
   * @param flows the flows and their statistics, for the flow pages
   * @param profiles a profile and its timeline as the API answers them, by profile reference
   *     ({@link ProfileRoutes#answer}), for the profile page
   */
  public WebRoutes(
      MapStore maps,
      Sessions sessions,
      Clock clock,
      Supplier<EventTable> tables,
      FlowSource flows,
      Function<String, Optional<ProfileRoutes.Answer>> profiles) {
    this.maps = maps;
    this.flows = flows;
    this.profiles = profiles;
    this.sessions = sessions;
    this.clock = clock;
    this.tables = tables;
  }

  /** Registers the pages; {@code viewer} is the route role that needs a signed-in viewer. */
  public void register(RoutesConfig routes, RouteRole viewer) {
    routes.get(LOGIN_PATH, ctx -> html(ctx, LoginPage.render(Optional.empty())));
    routes.post(LOGIN_PATH, this::signIn);
    routes.post("/logout", this::signOut);
    routes.get(STYLESHEET_PATH, WebRoutes::stylesheet);
    routes.get("/", this::list, viewer);
    routes.get("/maps/{id}", this::map, viewer);
    routes.get("/maps/{id}/download/{format}", this::download, viewer);
    routes.get("/maps/{id}/paths", this::paths, viewer);
    routes.get("/maps/{id}/funnel", this::funnel, viewer);
    routes.get(
        "/flows",
        ctx -> html(ctx, FlowListPage.render(flows.list().get(), flows.waiting(), session(ctx))),
        viewer);
    routes.get("/flows/{id}", this::flow, viewer);
    routes.get("/profiles", this::profileSearch, viewer);
    routes.get("/profiles/{ref}", this::profile, viewer);
  }

  /** The look-up form; with {@code ?ref=} (the form sent) it goes to that profile's page. */
  private void profileSearch(Context ctx) {
    String ref = Optional.ofNullable(ctx.queryParam("ref")).orElse("").strip();
    if (ref.isEmpty()) {
      html(
          ctx,
          ProfilePage.search(
              "",
              ctx.queryParam("ref") == null
                  ? Optional.empty()
                  : Optional.of("Type a profile id or an identity such as email:ann@example.com."),
              session(ctx)));
      return;
    }
    ctx.redirect(
        "/profiles/" + URLEncoder.encode(ref, StandardCharsets.UTF_8).replace("+", "%20"),
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void profile(Context ctx) {
    String ref = ctx.pathParam("ref");
    Optional<ProfileRoutes.Answer> answer;
    try {
      answer = profiles.apply(ref);
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      html(ctx, ProfilePage.search(ref, Optional.of(e.getMessage()), session(ctx)));
      return;
    }
    if (answer.isEmpty()) {
      ctx.status(404);
      html(
          ctx,
          ProfilePage.search(
              ref,
              Optional.of(
                  "No profile is known as '"
                      + ref
                      + "'. Events reach profiles a moment after they are accepted; check the"
                      + " identity's type and spelling."),
              session(ctx)));
      return;
    }
    html(ctx, ProfilePage.render(answer.get().profile(), answer.get().timeline(), session(ctx)));
  }

  private void flow(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<FlowSummary> flow = flows.find().apply(id);
    if (flow.isEmpty()) {
      ctx.status(404);
      html(ctx, FlowPage.notFound(id, session(ctx)));
      return;
    }
    html(
        ctx,
        FlowPage.render(
            flow.get(), flows.stats().apply(flow.get()), flows.versions().apply(id), session(ctx)));
  }

  private void signIn(Context ctx) {
    String key = Optional.ofNullable(ctx.formParam("key")).orElse("").strip();
    Optional<Session> session = sessions.signIn(key);
    if (session.isEmpty()) {
      ctx.status(401);
      html(
          ctx,
          LoginPage.render(
              Optional.of(
                  "That key is not valid: it is mistyped or was revoked. Ask an admin for a key.")));
      return;
    }
    // No Max-Age: the cookie ends with the browser session; the server ends it after 12 hours.
    ctx.cookie(
        new Cookie(
            SESSION_COOKIE, session.get().id(), "/", -1, false, true, null, SameSite.STRICT));
    ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void signOut(Context ctx) {
    Optional.ofNullable(ctx.cookie(SESSION_COOKIE)).ifPresent(sessions::signOut);
    ctx.cookie(new Cookie(SESSION_COOKIE, "", "/", 0, false, true, null, SameSite.STRICT));
    ctx.redirect(LOGIN_PATH, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void list(Context ctx) {
    List<MapSummary> summaries = maps.list();
    Map<String, LiveView> live = new HashMap<>();
    for (MapSummary summary : summaries) {
      maps.latest(summary.id())
          .ifPresent(
              d -> live(model(d), d.version().number()).ifPresent(v -> live.put(summary.id(), v)));
    }
    html(ctx, MapListPage.render(summaries, live, LocalDate.now(clock), session(ctx)));
  }

  /**
   * The map measured on the server's events, computed once per table and map version; empty when
   * there are no events yet, or when measuring failed (logged: the page must still show the map).
   */
  private Optional<LiveView> live(JourneyMap map, int version) {
    try {
      EventTable table = tables.get();
      if (table.profiles() == 0) {
        return Optional.empty();
      }
      LiveCache current = cache.get();
      if (current.table() != table) {
        current = new LiveCache(table, new ConcurrentHashMap<>());
        cache.set(current);
      }
      return Optional.of(
          current
              .views()
              .computeIfAbsent(
                  map.id() + "@" + version,
                  k ->
                      new LiveView(
                          LiveAnalysis.figures(table, map), LiveAnalysis.friction(table, map))));
    } catch (RuntimeException e) {
      LOG.atError().setCause(e).addKeyValue("mapId", map.id()).log("measuring the map failed");
      return Optional.empty();
    }
  }

  /** The map the path names, latest version; when there is none, answers the 404 page. */
  private Optional<MapDocument> mapOrNotFound(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<MapDocument> document = maps.latest(id);
    if (document.isEmpty()) {
      ctx.status(404);
      html(ctx, MapPage.notFound(id, session(ctx)));
    }
    return document;
  }

  private void map(Context ctx) {
    Optional<MapDocument> document = mapOrNotFound(ctx);
    if (document.isEmpty()) {
      return;
    }
    String id = document.get().version().mapId();
    JourneyMap map = model(document.get());
    Optional<LiveView> live = live(map, document.get().version().number());
    Optional<String> svg;
    try {
      svg =
          Optional.of(
              new String(
                  MapRenderer.render(map, RenderFormat.SVG, live.map(LiveView::figures)),
                  StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      LOG.atError().setCause(e).addKeyValue("mapId", id).log("rendering the map page failed");
      svg = Optional.empty();
    }
    html(
        ctx,
        MapPage.render(
            map,
            document.get().version().number(),
            svg,
            maps.versions(id),
            LocalDate.now(clock),
            session(ctx),
            live));
  }

  /** The map's stages as a funnel ({@link FunnelPage}). */
  private void funnel(Context ctx) {
    Optional<MapDocument> document = mapOrNotFound(ctx);
    if (document.isEmpty()) {
      return;
    }
    JourneyMap map = model(document.get());
    Optional<FunnelPage.Query> query =
        FunnelPage.query(ctx.queryParam("window"), ctx.queryParam("order"));
    if (query.isEmpty()) {
      ctx.status(400);
      html(ctx, FunnelPage.refused(map, FunnelPage.REFUSED, session(ctx)));
      return;
    }
    EventTable table = tables.get();
    try {
      JsonNode answer =
          FunnelAnalysis.run(
              JSON.valueToTree(query.get().document(map)),
              table,
              Optional.of(new MapSteps(map, table)));
      html(ctx, FunnelPage.render(map, query.get(), answer, session(ctx)));
    } catch (InvalidFunnelQueryException e) {
      // A map whose stages the funnel cannot take (a stage without any touchpoint to match).
      ctx.status(400);
      html(ctx, FunnelPage.refused(map, e.getMessage(), session(ctx)));
    }
  }

  /** The Sankey of where customers go through the map ({@link PathsPage}). */
  private void paths(Context ctx) {
    Optional<MapDocument> document = mapOrNotFound(ctx);
    if (document.isEmpty()) {
      return;
    }
    JourneyMap map = model(document.get());
    PathsPage.Result<PathsPage.Query> asked =
        PathsPage.query(ctx.queryParam("start"), ctx.queryParam("steps"), ctx.queryParam("nodes"));
    if (asked.value().isEmpty()) {
      ctx.status(400);
      html(ctx, PathsPage.refused(map, PathsPage.DEFAULTS, asked.error(), session(ctx)));
      return;
    }
    PathsPage.Query query = asked.value().get();
    try {
      JsonNode answer =
          PathsAnalysis.run(JSON.valueToTree(query.document()), tables.get(), Optional.of(map));
      html(ctx, PathsPage.render(map, query, answer, session(ctx)));
    } catch (ProblemException e) {
      // The analysis names the field and what it takes (a start node the map does not have).
      ctx.status(e.problem().status());
      html(ctx, PathsPage.refused(map, query, e.problem().detail(), session(ctx)));
    }
  }

  private void download(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<RenderFormat> format =
        RenderFormat.fromWireName(ctx.pathParam("format").toLowerCase(Locale.ROOT));
    Optional<MapDocument> document = maps.latest(id);
    if (document.isEmpty() || format.isEmpty()) {
      ctx.status(404);
      html(ctx, MapPage.notFound(id, session(ctx)));
      return;
    }
    JourneyMap map = model(document.get());
    Optional<LiveFigures> live =
        "true".equals(ctx.queryParam("live"))
            ? live(map, document.get().version().number()).map(LiveView::figures)
            : Optional.empty();
    byte[] bytes = MapRenderer.render(map, format.get(), live);
    ctx.header(
            "Content-Disposition",
            "attachment; filename=\""
                + id
                + (live.isPresent() ? "-live." : ".")
                + format.get().extension()
                + "\"")
        .contentType(format.get().mediaType())
        .result(bytes);
  }

  private static JourneyMap model(MapDocument document) {
    String source = document.version().mapId() + " version " + document.version().number();
    return MapReader.readStored(source, document.yaml())
        .map()
        .orElseThrow(() -> new IllegalStateException("stored " + source + " no longer reads"));
  }

  private static void stylesheet(Context ctx) throws IOException {
    try (InputStream css = WebRoutes.class.getResourceAsStream("/web/trailmap.css")) {
      if (css == null) {
        throw new IllegalStateException("web/trailmap.css is missing from the jar");
      }
      ctx.header("Cache-Control", "max-age=3600")
          .contentType("text/css; charset=utf-8")
          .result(css.readAllBytes());
    }
  }

  private static Session session(Context ctx) {
    Session session = ctx.attribute(SESSION_ATTRIBUTE);
    if (session == null) {
      throw new IllegalStateException("a page that needs a session ran without one");
    }
    return session;
  }

  private static void html(Context ctx, String page) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .contentType("text/html; charset=utf-8")
        .result(page);
  }
}
