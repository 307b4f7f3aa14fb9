package trailmap.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Set;
import trailmap.access.ApiKey;
import trailmap.access.ApiKeys;
import trailmap.access.IssuedKey;
import trailmap.access.Role;

/**
 * {@code /api/keys} (admin only): issue a key (its secret is answered once, then only its hash
 * exists), list keys without secrets, revoke a key.
 */
final class KeyRoutes {
  /** Key requests are tiny; anything bigger is refused before it is read. */
  static final long MAX_BODY_BYTES = 16 * 1024;

  private static final Set<String> FIELDS = Set.of("role", "label");

  private final ApiKeys keys;
  private final ObjectMapper mapper;

  KeyRoutes(ApiKeys keys, ObjectMapper mapper) {
    this.keys = keys;
    this.mapper = mapper;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/keys", this::list, Requires.ADMIN);
    routes.post("/api/keys", this::issue, Requires.ADMIN);
    routes.delete("/api/keys/{id}", this::revoke, Requires.ADMIN);
  }

  private void list(Context ctx) {
    ctx.json(keys.list().stream().map(KeyView::of).toList());
  }

  private void issue(Context ctx) {
    String text =
        Bodies.readText(ctx, MAX_BODY_BYTES, "note that key requests are limited to 16 KB");
    JsonNode body;
    try {
      body = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest(
          "malformed-body",
          "Malformed JSON",
          "the body must be JSON like {\"role\": \"viewer\"}: " + e.getOriginalMessage());
    }
    if (body == null || !body.isObject()) {
      throw badKeyRequest("the body must be a JSON object like {\"role\": \"viewer\"}");
    }
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name)) {
                throw badKeyRequest("unknown field '" + name + "'; allowed: role, label");
              }
            });
    JsonNode roleNode = body.get("role");
    if (roleNode == null || !roleNode.isTextual()) {
      throw badKeyRequest("field 'role' is required: one of " + Role.wireNames());
    }
    Role role =
        Role.fromWireName(roleNode.asText())
            .orElseThrow(
                () ->
                    badKeyRequest(
                        "field 'role' is '"
                            + roleNode.asText()
                            + "'; use one of "
                            + Role.wireNames()));
    JsonNode labelNode = body.get("label");
    if (labelNode != null && (!labelNode.isTextual() || labelNode.asText().length() > 200)) {
      throw badKeyRequest("field 'label' must be a text of at most 200 characters");
    }
    String label = labelNode == null ? "" : labelNode.asText();
    IssuedKey issued = keys.issue(role, label);
    ctx.status(201).header("Location", "/api/keys/" + issued.key().id());
    ApiKey key = issued.key();
    ctx.json(
        new IssuedView(
            key.id(), key.role().wireName(), key.label(), key.createdAt(), issued.secret()));
  }

  private void revoke(Context ctx) {
    String id = ctx.pathParam("id");
    switch (keys.revoke(id)) {
      case REVOKED -> ctx.status(204);
      case NOT_FOUND -> throw ProblemException.notFound("key", id);
      case LAST_ADMIN ->
          throw new ProblemException(
              Problem.of(
                  409,
                  "last-admin-key",
                  "Last admin key",
                  "key '"
                      + id
                      + "' is the only admin key; issue another admin key first, or nobody"
                      + " could manage keys any more"));
    }
  }

  private static ProblemException badKeyRequest(String detail) {
    return ProblemException.badRequest("bad-key-request", "Bad key request", detail);
  }

  /** A key in the list: never its secret. */
  record KeyView(String id, String role, String label, Instant createdAt) {
    static KeyView of(ApiKey key) {
      return new KeyView(key.id(), key.role().wireName(), key.label(), key.createdAt());
    }
  }

  /** The answer to issuing a key: the only time {@code key} is shown. */
  record IssuedView(String id, String role, String label, Instant createdAt, String key) {}
}
