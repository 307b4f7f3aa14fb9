package trailmap.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an {@code application/problem+json} answer. Expected failures ({@link
 * ProblemException}, Javalin's own 404/405) are answered as they are; anything else is a bug: it is
 * logged with its stack trace and the request id, and the client gets a generic 500 naming only the
 * request id, never internals.
 */
final class ErrorHandling {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

  private final ObjectMapper mapper;

  ErrorHandling(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void register(RoutesConfig routes) {
    routes.exception(ProblemException.class, (e, ctx) -> write(ctx, e.problem()));
    routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e, ctx)));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          String requestId = RequestTelemetry.requestId(ctx);
          LOG.atError()
              .setCause(e)
              .addKeyValue("requestId", requestId)
              .addKeyValue("method", ctx.method().toString())
              .addKeyValue("path", ctx.path())
              .log("request failed");
          write(
              ctx,
              Problem.of(
                  500,
                  "internal-error",
                  "Internal server error",
                  "the server failed to answer this request; it has been logged under request id "
                      + requestId
                      + " - quote it when reporting the problem"));
        });
  }

  /** Answers with {@code problem}, stamped with the request id. */
  void write(Context ctx, Problem problem) {
    Problem stamped = problem.withRequestId(RequestTelemetry.requestId(ctx));
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(stamped);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem record always serialises", e);
    }
    // Without an explicit charset Jetty would encode the text as ISO-8859-1 and mangle "é", "…".
    ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE + "; charset=utf-8").result(body);
  }

  private static Problem fromJavalin(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    String title = HttpStatus.forStatus(status).getMessage();
    String detail =
        switch (status) {
          case 404 ->
              "there is no route "
                  + ctx.method()
                  + " "
                  + ctx.path()
                  + "; the API is under /api (maps, flows, profiles, keys, sources), event collection under /v1, the UI at /";
          case 405 -> "method " + ctx.method() + " is not allowed on " + ctx.path();
          default -> e.getMessage();
        };
    return Problem.of(status, slug(title), title, detail);
  }

  private static String slug(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
