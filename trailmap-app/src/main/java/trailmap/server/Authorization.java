package trailmap.server;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import trailmap.access.ApiKey;
import trailmap.access.ApiKeys;
import trailmap.access.Role;
import trailmap.access.Session;
import trailmap.access.Sessions;
import trailmap.web.WebRoutes;

/**
 * Runs before every matched route. {@code /api} routes need {@code Authorization: Bearer KEY} (401
 * without a valid key, 403 when its role is too weak); the UI's pages need a session cookie and
 * redirect to {@code /login} without one. The API deliberately ignores the session cookie, so a
 * page on another site can never make a browser call the API with the user's rights.
 */
final class Authorization {
  static final String KEY_ID = "trailmap.keyId";

  private final ApiKeys keys;
  private final Sessions sessions;

  Authorization(ApiKeys keys, Sessions sessions) {
    this.keys = keys;
    this.sessions = sessions;
  }

  void check(Context ctx) {
    Optional<Role> required =
        ctx.routeRoles().stream()
            .filter(Requires.class::isInstance)
            .map(r -> ((Requires) r).role())
            .findFirst();
    if (isApi(ctx.path())) {
      ApiKey key = bearerKey(ctx);
      ctx.attribute(KEY_ID, key.id());
      // An /api route nobody marked is admin-only: a forgotten mark fails closed.
      Role needed = required.orElse(Role.ADMIN);
      if (!key.role().includes(needed)) {
        throw forbidden(key.role(), needed);
      }
    } else if (required.isPresent()) {
      Optional<Session> session =
          Optional.ofNullable(ctx.cookie(WebRoutes.SESSION_COOKIE)).flatMap(sessions::find);
      if (session.isEmpty()) {
        ctx.redirect(WebRoutes.LOGIN_PATH);
        ctx.skipRemainingHandlers();
        return;
      }
      ctx.attribute(KEY_ID, session.get().keyId());
      ctx.attribute(WebRoutes.SESSION_ATTRIBUTE, session.get());
      if (!session.get().role().includes(required.get())) {
        throw forbidden(session.get().role(), required.get());
      }
    }
  }

  static boolean isApi(String path) {
    return path.equals("/api") || path.startsWith("/api/");
  }

  private ApiKey bearerKey(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw unauthorized(
          ctx,
          "",
          "this endpoint needs an API key: send the header 'Authorization: Bearer KEY'"
              + " (an admin issues keys with POST /api/keys)");
    }
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
      throw unauthorized(
          ctx,
          ", error=\"invalid_request\"",
          "the Authorization header must be 'Bearer KEY'; other schemes are not supported");
    }
    return keys.authenticate(header.substring(space + 1).strip())
        .orElseThrow(
            () ->
                unauthorized(
                    ctx,
                    ", error=\"invalid_token\"",
                    "the API key is not valid: it is mistyped or was revoked;"
                        + " ask an admin for a new key"));
  }

  private static ProblemException unauthorized(Context ctx, String error, String detail) {
    ctx.header("WWW-Authenticate", "Bearer realm=\"trailmap\"" + error);
    return new ProblemException(Problem.of(401, "unauthorized", "API key required", detail));
  }

  private static ProblemException forbidden(Role has, Role needed) {
    return new ProblemException(
        Problem.of(
            403,
            "forbidden",
            "Role too weak",
            "this needs the "
                + needed.wireName()
                + " role, and the key has "
                + has.wireName()
                + "; ask an admin for a key with the "
                + needed.wireName()
                + " role"));
  }
}
