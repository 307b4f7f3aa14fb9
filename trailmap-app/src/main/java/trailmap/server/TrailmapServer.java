package trailmap.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import trailmap.access.ApiKeys;
import trailmap.access.IssuedKey;
import trailmap.access.Sessions;
import trailmap.analytics.api.AnalyticsRoutes;
import trailmap.analytics.api.LiveRoutes;
import trailmap.analytics.api.LiveTables;
import trailmap.eventlog.EventLog;
import trailmap.eventlog.EventLogException;
import trailmap.eventlog.EventLogOptions;
import trailmap.eventlog.FileEventLog;
import trailmap.flows.dryrun.DryRunRoutes;
import trailmap.flows.http.ApiTriggerRoutes;
import trailmap.flows.http.FlowRoutes;
import trailmap.flows.runtime.FlowRuntime;
import trailmap.flows.runtime.FlowSettings;
import trailmap.flows.runtime.FlowStore;
import trailmap.flows.runtime.FlowTimeline;
import trailmap.flows.runtime.StepCount;
import trailmap.flows.runtime.UnsubscribeRoutes;
import trailmap.ingest.IngestRoutes;
import trailmap.ingest.SourceRoutes;
import trailmap.maps.JourneyMap;
import trailmap.profiles.PendingErasures;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileProcessor;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileRoutes;
import trailmap.profiles.ProfileStore;
import trailmap.segments.runtime.SegmentMaps;
import trailmap.segments.runtime.SegmentProcessor;
import trailmap.segments.runtime.SegmentRoutes;
import trailmap.segments.store.SegmentStore;
import trailmap.sources.Sources;
import trailmap.store.Database;
import trailmap.store.MapStore;
import trailmap.store.MapSummary;
import trailmap.store.StoreException;
import trailmap.web.FlowSource;
import trailmap.web.WebRoutes;

/**
 * The Trailmap HTTP server on its embedded store, started and stopped in-process by the CLI and by
 * tests.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(tempDir);
 * try (TrailmapServer server = TrailmapServer.start(config, Clock.systemUTC(), Optional.empty())) {
 *   URI base = server.uri();               // http://127.0.0.1:PORT
 *   server.firstAdminKey();                // the key issued because the store had none
 * }
 * }</pre>
 *
 * Requests run on virtual threads. The server owns the database: {@link #close} stops Jetty, then
 * closes the store.
 */
public final class TrailmapServer implements AutoCloseable {
  private final Javalin app;
  private final Database db;
  private final JvmGcMetrics gcMetrics;
  private final ServerConfig config;
  private final ApiKeys keys;
  private final MapStore maps;
  private final Sources sources;
  private final EventLog events;
  private final Optional<IssuedKey> firstAdminKey;
  private final ProfileStore profiles;
  private final AtomicReference<ProfileProcessor> profileProcessor;
  private final FlowStore flows;
  private final Clock clock;
  private final AtomicReference<FlowRuntime> flowRuntime = new AtomicReference<>();
  private final SegmentStore segments;
  private final AtomicReference<SegmentProcessor> segmentProcessor;

  private TrailmapServer(
      Javalin app,
      Database db,
      JvmGcMetrics gcMetrics,
      ServerConfig config,
      ApiKeys keys,
      MapStore maps,
      Sources sources,
      EventLog events,
      Optional<IssuedKey> firstAdminKey,
      ProfileStore profiles,
      AtomicReference<ProfileProcessor> profileProcessor,
      FlowStore flows,
      Clock clock,
      SegmentStore segments,
      AtomicReference<SegmentProcessor> segmentProcessor) {
    this.segments = segments;
    this.segmentProcessor = segmentProcessor;
    this.app = app;
    this.db = db;
    this.gcMetrics = gcMetrics;
    this.config = config;
    this.keys = keys;
    this.maps = maps;
    this.sources = sources;
    this.events = events;
    this.firstAdminKey = firstAdminKey;
    this.profiles = profiles;
    this.profileProcessor = profileProcessor;
    this.flows = flows;
    this.clock = clock;
  }

  /** The durable event log's directory under the data directory. */
  public static final String EVENT_LOG_DIR = "eventlog";

  /**
   * Opens the store under {@code config.dataDir()} and the durable event log in {@code
   * DATA_DIR/eventlog}, which {@code /v1} appends to and profiles follow; makes sure an admin key
   * exists (see {@link ApiKeys#bootstrap}) and starts listening.
   *
   * @param environmentAdminKey the value of {@code TRAILMAP_ADMIN_KEY}, if set
   * @throws io.javalin.util.JavalinBindException when the port is in use
   * @throws trailmap.store.StoreException when the data directory or database is unusable
   * @throws IllegalArgumentException when {@code environmentAdminKey} is too short
   */
  public static TrailmapServer start(
      ServerConfig config, Clock clock, Optional<String> environmentAdminKey) {
    Path logDir = config.dataDir().resolve(EVENT_LOG_DIR);
    EventLog events;
    try {
      events = FileEventLog.open(logDir, eventLogOptions(config, clock));
    } catch (EventLogException e) {
      // The CLI reports StoreExceptions as an unusable data directory, in one line.
      throw new StoreException(
          "cannot open the event log in " + logDir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    TrailmapServer server = start(config, clock, environmentAdminKey, events);
    try {
      server.followEvents(events);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** How the server (and an offline import into its data directory) opens its event log. */
  public static EventLogOptions eventLogOptions(ServerConfig config, Clock clock) {
    return EventLogOptions.defaults().withClock(clock).withDedupWindow(config.dedupWindow());
  }

  /**
   * As {@link #start(ServerConfig, Clock, Optional)}, with the event log that {@code /v1} appends
   * to instead of the durable log under the data directory; profiles follow it only once {@link
   * #followEvents} is called. The server owns the log from here on and closes it last in {@link
   * #close}.
   */
  public static TrailmapServer start(
      ServerConfig config, Clock clock, Optional<String> environmentAdminKey, EventLog events) {
    Database db = Database.open(config.dataDir());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    JvmGcMetrics gcMetrics = new JvmGcMetrics();
    Javalin app = null;
    ProfileStore profiles = null;
    FlowStore flows = null;
    SegmentStore segments = null;
    try {
      segments = SegmentStore.open(config.dataDir(), clock);
      profiles = ProfileStore.open(config.dataDir(), config.identity(), clock);
      flows = FlowStore.open(config.dataDir(), clock);
      FlowStore flowStore = flows;
      ApiKeys keys = new ApiKeys(db, clock);
      Optional<IssuedKey> first = keys.bootstrap(environmentAdminKey);
      MapStore maps = new MapStore(db, clock);
      Sources sources = new Sources(db, clock);
      Sessions sessions = new Sessions(keys, clock);
      bindJvmMetrics(registry, gcMetrics);

      ObjectMapper mapper = JsonMapping.newMapper();
      RequestTelemetry telemetry = new RequestTelemetry(registry);
      Authorization authorization = new Authorization(keys, sessions);
      ErrorHandling errors = new ErrorHandling(mapper);
      LiveTables tables = new LiveTables(profiles, events);
      Function<String, Optional<JourneyMap>> latestMap = new LatestMaps(maps);
      MapRoutes mapRoutes =
          new MapRoutes(new StoredMaps(maps), clock, config.maxMapBytes(), tables);
      KeyRoutes keyRoutes = new KeyRoutes(keys, mapper);
      OperationsRoutes operations = new OperationsRoutes(db, registry);
      AtomicReference<ProfileProcessor> processor = new AtomicReference<>();
      IngestRoutes ingest =
          new IngestRoutes(
              sources,
              events,
              clock,
              config.ingest(),
              registry,
              () -> Optional.ofNullable(processor.get()).ifPresent(ProfileProcessor::wake));
      SourceRoutes sourceRoutes = new SourceRoutes(sources);
      SegmentStore segmentStore = segments;
      // flows.db first: it holds the rendered messages and addresses, and its pending sends stop
      // once it is done. Each store is erased even when one before it failed.
      Erasures erasures = new Erasures(List.of(flowStore::erase, segmentStore::erase));
      // Deletions a failure (or a stop) left half-way are finished before anything runs that
      // could read or send to the person: the processors start later, requests after app.start.
      new PendingErasures(profiles, erasures).finishAll();
      ProfileRoutes profileRoutes =
          new ProfileRoutes(
              profiles,
              events,
              () -> Optional.ofNullable(processor.get()),
              id -> FlowTimeline.of(flowStore, id),
              erasures);
      ProfileStore profileStore = profiles;
      UnsubscribeRoutes unsubscribe =
          new UnsubscribeRoutes(
              flows,
              id -> profileStore.resolve(new ProfileRef.ById(new ProfileId(id))).isPresent());
      FlowRoutes flowRoutes =
          new FlowRoutes(
              flows,
              config.maxMapBytes(),
              config.messaging().providers().keySet(),
              latestMap,
              () -> maps.list().stream().map(MapSummary::id).toList());
      WebRoutes web =
          new WebRoutes(
              maps,
              sessions,
              clock,
              tables,
              new FlowSource(
                  flowStore::list,
                  flowStore::flow,
                  flowRoutes::statsOf,
                  flowStore::versions,
                  id -> flowStore.stepCounts(id).stream().mapToLong(StepCount::profiles).sum()),
              profileRoutes::answer);
      AnalyticsRoutes analyticsRoutes =
          new AnalyticsRoutes(tables, latestMap, segmentStore::memberIds);
      LiveRoutes liveRoutes = new LiveRoutes(tables, latestMap);
      DryRunRoutes dryRuns =
          new DryRunRoutes(
              flowStore,
              tables,
              config.messaging().policy(),
              latestMap,
              new StoredTriggerHistories(segmentStore, flowStore));
      ApiTriggerRoutes apiTriggers = new ApiTriggerRoutes(flowStore, profiles);
      AtomicReference<SegmentProcessor> segmentProcessor = new AtomicReference<>();
      SegmentRoutes segmentRoutes =
          new SegmentRoutes(
              segments,
              () -> Optional.ofNullable(segmentProcessor.get()).ifPresent(SegmentProcessor::wake));

      app =
          Javalin.create(
              javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.startup.showOldJavalinVersionWarning = false;
                javalin.concurrency.useVirtualThreads = true;
                javalin.http.maxRequestSize = config.maxMapBytes();
                // A known path with the wrong method is a 405 naming the method, not a 404.
                javalin.http.prefer405over404 = true;
                javalin.jetty.host = config.host();
                javalin.jetty.port = config.port();
                javalin.jsonMapper(new JavalinJackson(mapper, true));
                javalin.requestLogger.http(telemetry::end);
                javalin.routes.before(telemetry::begin);
                javalin.routes.beforeMatched(authorization::check);
                operations.register(javalin.routes);
                mapRoutes.register(javalin.routes);
                keyRoutes.register(javalin.routes);
                sourceRoutes.register(javalin.routes);
                ingest.register(javalin.routes);
                profileRoutes.register(javalin.routes);
                analyticsRoutes.register(javalin.routes);
                unsubscribe.register(javalin.routes);
                liveRoutes.register(javalin.routes);
                dryRuns.register(javalin.routes);
                apiTriggers.register(javalin.routes);
                flowRoutes.register(javalin.routes);
                segmentRoutes.register(javalin.routes);
                web.register(javalin.routes, Requires.VIEWER);
                errors.register(javalin.routes);
              });
      app.start();
      TrailmapServer server =
          new TrailmapServer(
              app,
              db,
              gcMetrics,
              config,
              keys,
              maps,
              sources,
              events,
              first,
              profiles,
              processor,
              flows,
              clock,
              segments,
              segmentProcessor);
      server.bindPipelineMetrics(registry);
      return server;
    } catch (RuntimeException e) {
      if (app != null) {
        app.stop();
      }
      gcMetrics.close();
      if (profiles != null) {
        profiles.close();
      }
      if (flows != null) {
        flows.close();
      }
      if (segments != null) {
        segments.close();
      }
      db.close();
      events.close();
      throw e;
    }
  }

  /**
   * How far profiles trail the log: {@code trailmap_profiles_lag_events} is the number of
   * acknowledged events not yet on a profile (0 when no processor follows the log). Operators alert
   * on it; the ingestion benchmark waits for it to reach 0 between runs.
   */
  private void bindPipelineMetrics(MeterRegistry registry) {
    Gauge.builder("trailmap.eventlog.events", events, EventLog::end)
        .description("Events in the durable event log")
        .register(registry);
    Gauge.builder("trailmap.profiles.lag.events", this, TrailmapServer::profileLag)
        .description("Acknowledged events not yet applied to profiles")
        .register(registry);
  }

  private double profileLag() {
    ProfileProcessor processor = profileProcessor.get();
    return processor == null ? 0 : Math.max(0, events.end() - processor.position());
  }

  private static void bindJvmMetrics(PrometheusMeterRegistry registry, JvmGcMetrics gcMetrics) {
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** The port listened on; the real one when the config asked for port 0. */
  public int port() {
    return app.port();
  }

  /** {@code http://HOST:PORT}, with 127.0.0.1 for a server listening on every interface. */
  public URI uri() {
    String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
    return URI.create("http://" + host + ":" + port());
  }

  /** The admin key issued at start because the store had no key; show it once, never log it. */
  public Optional<IssuedKey> firstAdminKey() {
    return firstAdminKey;
  }

  public ApiKeys keys() {
    return keys;
  }

  public MapStore maps() {
    return maps;
  }

  public Sources sources() {
    return sources;
  }

  /** Profiles, identities and timelines ({@code DATA_DIR/profiles.db}). */
  public ProfileStore profiles() {
    return profiles;
  }

  /**
   * Starts applying {@code log}'s events to profiles on the processor's own thread, from where it
   * stopped last time; {@link #close} stops it.
   *
   * @throws IllegalStateException when already following a log
   */
  public ProfileProcessor followEvents(EventLog log) {
    return followEvents(log, UnaryOperator.identity());
  }

  /**
   * As {@link #followEvents(EventLog)}, and starts the flow runtime behind the profiles with the
   * settings from the config ({@code smtp}, {@code publicUrl}, else this server's address, and
   * {@code messaging}: rules, providers, retries) as {@code tune} changes them (tests may override
   * any of them there).
   */
  public ProfileProcessor followEvents(EventLog log, UnaryOperator<FlowSettings> tune) {
    ProfileProcessor processor = ProfileProcessor.start(log, profiles, 5000);
    if (!profileProcessor.compareAndSet(null, processor)) {
      processor.close();
      throw new IllegalStateException("the server already follows an event log");
    }
    FlowSettings settings = FlowSettings.defaults(config.publicUrl().orElse(uri()));
    if (config.smtp().isPresent()) {
      settings = settings.withSmtp(config.smtp().get());
    }
    settings =
        settings
            .withPolicy(config.messaging().policy())
            .withProviders(config.messaging().providers())
            .withRetries(config.messaging().retries())
            .withBodyRetention(config.messaging().bodyRetention());
    LatestMaps latestMaps = new LatestMaps(maps);
    SegmentProcessor segmentsFollow =
        SegmentProcessor.start(
            segments, profiles, log, processor::position, SegmentMaps.of(maps), clock);
    segmentProcessor.set(segmentsFollow);
    FlowRuntime runtime =
        FlowRuntime.start(
            flows,
            profiles,
            log,
            processor::position,
            clock,
            tune.apply(settings),
            new SegmentFeed(segments, segmentsFollow),
            latestMaps);
    flowRuntime.set(runtime);
    // Segments and flows follow the profiles: they look as soon as a batch is applied rather than
    // after their nap, so an event's email is not three naps behind its acknowledgement.
    processor.onApplied(
        () -> {
          segmentsFollow.wake();
          runtime.wake();
        });
    return processor;
  }

  /** Flow definitions, state, outbox and timeline ({@code DATA_DIR/flows.db}). */
  public FlowStore flows() {
    return flows;
  }

  /** Segment definitions and memberships ({@code DATA_DIR/segments.db}). */
  public SegmentStore segments() {
    return segments;
  }

  /** The segment membership processor, once {@link #followEvents} started it. */
  public Optional<SegmentProcessor> segmentProcessor() {
    return Optional.ofNullable(segmentProcessor.get());
  }

  /** The flow runtime, once {@link #followEvents} started it. */
  public Optional<FlowRuntime> flowRuntime() {
    return Optional.ofNullable(flowRuntime.get());
  }

  /** Every HTTP route with the role it requires, sorted by path then method. */
  public List<RouteInfo> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map(TrailmapServer::routeInfo)
        .sorted(Comparator.comparing(RouteInfo::path).thenComparing(RouteInfo::method))
        .toList();
  }

  private static RouteInfo routeInfo(Endpoint endpoint) {
    Roles roles = endpoint.metadata(Roles.class);
    Optional<trailmap.access.Role> requires =
        roles == null
            ? Optional.empty()
            : roles.getRoles().stream()
                .filter(Requires.class::isInstance)
                .map(r -> ((Requires) r).role())
                .findFirst();
    return new RouteInfo(endpoint.method.name(), endpoint.path, requires);
  }

  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      FlowRuntime runtime = flowRuntime.getAndSet(null);
      if (runtime != null) {
        runtime.close();
      }
      SegmentProcessor segmentsFollow = segmentProcessor.getAndSet(null);
      if (segmentsFollow != null) {
        segmentsFollow.close();
      }
      ProfileProcessor processor = profileProcessor.getAndSet(null);
      if (processor != null) {
        processor.close();
      }
      try {
        gcMetrics.close();
        profiles.close();
        flows.close();
        segments.close();
        db.close();
      } finally {
        events.close();
      }
    }
  }
}
