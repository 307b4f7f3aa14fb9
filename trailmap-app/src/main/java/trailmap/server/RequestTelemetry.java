package trailmap.server;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id ({@code X-Request-Id}, taken from the client when it sent a sane one),
 * times it into {@code http_server_requests_seconds} by method, route pattern and status, and
 * writes one access-log line per request: method, route, path, status, duration and the id of the
 * key used, never the key.
 */
final class RequestTelemetry {
  static final String REQUEST_ID = "trailmap.requestId";
  private static final Logger ACCESS = LoggerFactory.getLogger("trailmap.http.access");
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final MeterRegistry registry;

  RequestTelemetry(MeterRegistry registry) {
    this.registry = registry;
  }

  void begin(Context ctx) {
    String incoming = ctx.header("X-Request-Id");
    String id =
        incoming != null && SANE_ID.matcher(incoming).matches()
            ? incoming
            : HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    ctx.attribute(REQUEST_ID, id);
    ctx.header("X-Request-Id", id);
    MDC.put("requestId", id);
  }

  /** Called by Javalin once the response is complete, with the time taken in milliseconds. */
  void end(Context ctx, Float millis) {
    // Unmatched paths share one tag value so scanners cannot blow up the metric cardinality.
    String route =
        Optional.ofNullable(ctx.endpoints().matchedHttpEndpoint())
            .map((Endpoint e) -> e.path)
            .orElse("unmatched");
    int status = ctx.statusCode();
    long nanos = (long) (millis * 1_000_000L);
    Timer.builder("http.server.requests")
        .description("HTTP requests by method, route pattern and status")
        .tag("method", ctx.method().toString())
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
    ACCESS
        .atInfo()
        .addKeyValue("method", ctx.method().toString())
        .addKeyValue("route", route)
        .addKeyValue("path", ctx.path())
        .addKeyValue("status", status)
        .addKeyValue("durationMs", Math.round(millis * 10) / 10.0)
        .addKeyValue(
            "keyId", Optional.ofNullable(ctx.<String>attribute(Authorization.KEY_ID)).orElse("-"))
        .addKeyValue("requestId", requestId(ctx))
        .log("request");
    MDC.remove("requestId");
  }

  static String requestId(Context ctx) {
    return Optional.ofNullable(ctx.<String>attribute(REQUEST_ID)).orElse("-");
  }
}
