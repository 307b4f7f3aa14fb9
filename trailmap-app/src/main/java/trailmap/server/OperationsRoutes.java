package trailmap.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import trailmap.store.Database;

/**
 * {@code /health/live}, {@code /health/ready}, {@code /metrics} and the map schema: public, because
 * load balancers and Prometheus call them without keys. They carry no secrets: metrics are counts
 * and timings by route pattern, never paths with ids, keys or map content.
 */
final class OperationsRoutes {
  /** Prometheus text exposition format 0.0.4. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  /** Where the map format's JSON Schema is served, without a key (it is public anyway). */
  static final String SCHEMA_PATH = "/schemas/map.schema.json";

  private final Database db;
  private final PrometheusMeterRegistry registry;

  OperationsRoutes(Database db, PrometheusMeterRegistry registry) {
    this.db = db;
    this.registry = registry;
  }

  void register(RoutesConfig routes) {
    routes.get("/health/live", ctx -> ctx.json(Map.of("status", "up")));
    routes.get("/health/ready", this::ready);
    routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
    routes.get(SCHEMA_PATH, OperationsRoutes::schema);
  }

  /** The published JSON Schema of the map format, the copy of docs/map.schema.json in the jar. */
  private static void schema(Context ctx) throws java.io.IOException {
    try (var schema = OperationsRoutes.class.getResourceAsStream("/trailmap/map.schema.json")) {
      if (schema == null) {
        throw new IllegalStateException("trailmap/map.schema.json is missing from the jar");
      }
      ctx.contentType("application/schema+json").result(schema.readAllBytes());
    }
  }

  private void ready(Context ctx) {
    if (db.answers()) {
      ctx.json(Map.of("status", "ready"));
    } else {
      throw new ProblemException(
          Problem.of(
              503,
              "not-ready",
              "Not ready",
              "the store does not answer queries; the server log says which file and why"));
    }
  }
}
