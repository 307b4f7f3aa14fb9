package trailmap.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import trailmap.server.Problem;
import trailmap.server.ProblemException;
import trailmap.sources.Source;
import trailmap.sources.Sources;

/**
 * Finds the source of a {@code /v1} request by its write key: the HTTP Basic user (password empty),
 * else {@code writeKey} in the body. Refuses with 401 and {@code WWW-Authenticate: Basic} a
 * missing, unknown or revoked key and an API key. Looks every key up in the store, so a revoke
 * takes effect on the next request.
 */
final class WriteKeyCheck {
  private final Sources sources;

  WriteKeyCheck(Sources sources) {
    this.sources = sources;
  }

  /** The source of the Basic user, when an Authorization header was sent. */
  Optional<Source> fromHeader(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).equalsIgnoreCase("basic")) {
      throw unauthorized(
          ctx,
          "the Authorization header must be 'Basic base64(WRITE_KEY:)', the write key as the"
              + " user and an empty password, as Segment's libraries send it");
    }
    String user;
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(space + 1).strip()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      user = colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      throw unauthorized(ctx, "the Basic credentials are not valid base64");
    }
    return Optional.of(authenticate(ctx, user.strip()));
  }

  Source fromBody(Context ctx, JsonNode body) {
    JsonNode key = body.get("writeKey");
    if (key == null || !key.isTextual() || key.asText().isBlank()) {
      throw unauthorized(
          ctx,
          "this endpoint needs a source's write key: as the HTTP Basic user (password empty) or as"
              + " 'writeKey' in the body; an admin creates sources and their keys with"
              + " POST /api/sources");
    }
    return authenticate(ctx, key.asText().strip());
  }

  private Source authenticate(Context ctx, String writeKey) {
    Optional<Source> source = sources.authenticate(writeKey);
    if (source.isEmpty()) {
      throw unauthorized(
          ctx,
          writeKey.startsWith("tm_")
              ? "that is an API key, not a write key; send the write key of a source"
                  + " (POST /api/sources creates one)"
              : "the write key is not valid: it is mistyped or its source was revoked;"
                  + " ask an admin for the write key of an active source");
    }
    // The access log names the source, never its key (Authorization.KEY_ID's attribute).
    ctx.attribute("trailmap.keyId", source.get().id());
    return source.get();
  }

  private static ProblemException unauthorized(Context ctx, String detail) {
    ctx.header("WWW-Authenticate", "Basic realm=\"trailmap\"");
    return new ProblemException(Problem.of(401, "unauthorized", "Write key required", detail));
  }
}
