package trailmap.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import trailmap.server.Problem;
import trailmap.server.ProblemException;
import trailmap.server.Requires;
import trailmap.sources.IssuedSource;
import trailmap.sources.Source;
import trailmap.sources.Sources;

/**
 * {@code /api/sources} (admin only): create a source (its write key is answered once, then only its
 * hash exists), list sources without keys, revoke a source's key.
 */
public final class SourceRoutes {
  /** Source requests are tiny; anything bigger is refused. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  /** The channel of a source created without one. */
  static final String UNKNOWN_CHANNEL = "unknown";

  private static final Set<String> FIELDS = Set.of("name", "channel");

  private final Sources sources;
  private final ObjectMapper mapper = new ObjectMapper();

  public SourceRoutes(Sources sources) {
    this.sources = sources;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/sources", this::list, Requires.ADMIN);
    routes.post("/api/sources", this::create, Requires.ADMIN);
    routes.delete("/api/sources/{id}", this::revoke, Requires.ADMIN);
  }

  private void list(Context ctx) {
    ctx.json(sources.list().stream().map(SourceView::of).toList());
  }

  private void create(Context ctx) {
    byte[] bytes =
        RequestBody.read(ctx, MAX_BODY_BYTES, "a source request", "a fixed limit of 16 KB");
    JsonNode body;
    try {
      body = mapper.readTree(bytes);
    } catch (IOException e) {
      throw bad("the body must be JSON like {\"name\": \"web\", \"channel\": \"web\"}");
    }
    if (body == null || !body.isObject()) {
      throw bad("the body must be a JSON object like {\"name\": \"web\", \"channel\": \"web\"}");
    }
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name)) {
                throw bad("unknown field '" + name + "'; allowed: name, channel");
              }
            });
    String name =
        text(body, "name").orElseThrow(() -> bad("field 'name' is required, e.g. \"web\""));
    String channel = text(body, "channel").orElse(UNKNOWN_CHANNEL);
    IssuedSource issued = sources.create(name, channel);
    Source source = issued.source();
    ctx.status(201).header("Location", "/api/sources/" + source.id());
    ctx.json(
        new CreatedView(
            source.id(), source.name(), source.channel(), issued.writeKey(), source.createdAt()));
  }

  private void revoke(Context ctx) {
    String id = ctx.pathParam("id");
    if (!sources.revoke(id)) {
      throw new ProblemException(
          Problem.of(
              404,
              "not-found",
              "source not found",
              "there is no source with id '" + id + "'; list them with GET /api/sources"));
    }
    ctx.status(204);
  }

  private static Optional<String> text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > Source.MAX_TEXT) {
      throw bad("field '" + field + "' must be a text of 1 to " + Source.MAX_TEXT + " characters");
    }
    return Optional.of(node.asText().strip());
  }

  private static ProblemException bad(String detail) {
    return new ProblemException(
        Problem.of(400, "bad-source-request", "Bad source request", detail));
  }

  /** A source in the list: never its write key. */
  record SourceView(
      String id, String name, String channel, Instant createdAt, Optional<Instant> revokedAt) {
    static SourceView of(Source s) {
      return new SourceView(s.id(), s.name(), s.channel(), s.createdAt(), s.revokedAt());
    }
  }

  /** The answer to creating a source: the only time {@code writeKey} is shown. */
  record CreatedView(String id, String name, String channel, String writeKey, Instant createdAt) {}
}
