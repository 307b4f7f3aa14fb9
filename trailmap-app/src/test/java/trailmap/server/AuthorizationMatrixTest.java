package trailmap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;

/**
 * Walks every {@code /api} route the running server reports, so a route added later without a row
 * here fails {@link #everyApiRouteHasARowInThisTable}.
 */
class AuthorizationMatrixTest {
  /** The weakest role each API route allows. */
  static final Map<String, Role> REQUIRED =
      Map.ofEntries(
          Map.entry("GET /api/maps", Role.VIEWER),
          Map.entry("POST /api/maps", Role.EDITOR),
          Map.entry("GET /api/maps/{id}", Role.VIEWER),
          Map.entry("PUT /api/maps/{id}", Role.EDITOR),
          Map.entry("DELETE /api/maps/{id}", Role.EDITOR),
          Map.entry("GET /api/maps/{id}/versions", Role.VIEWER),
          Map.entry("GET /api/maps/{id}/versions/{number}", Role.VIEWER),
          Map.entry("GET /api/maps/{id}/diff", Role.VIEWER),
          Map.entry("GET /api/maps/{id}/render", Role.VIEWER),
          Map.entry("GET /api/maps/{id}/live", Role.VIEWER),
          Map.entry("GET /api/keys", Role.ADMIN),
          Map.entry("POST /api/keys", Role.ADMIN),
          Map.entry("DELETE /api/keys/{id}", Role.ADMIN),
          Map.entry("GET /api/sources", Role.ADMIN),
          Map.entry("POST /api/sources", Role.ADMIN),
          Map.entry("DELETE /api/sources/{id}", Role.ADMIN),
          Map.entry("GET /api/profiles/{id}", Role.VIEWER),
          Map.entry("GET /api/profiles/{id}/timeline", Role.VIEWER),
          Map.entry("GET /api/profiles/{id}/export", Role.VIEWER),
          Map.entry("DELETE /api/profiles/{id}", Role.ADMIN),
          Map.entry("POST /api/analytics/{name}", Role.VIEWER),
          Map.entry("POST /api/flows/{id}/dry-run", Role.VIEWER),
          Map.entry("POST /api/flows/{id}/trigger", Role.EDITOR),
          Map.entry("GET /api/flows", Role.VIEWER),
          Map.entry("POST /api/flows", Role.EDITOR),
          Map.entry("GET /api/flows/{id}", Role.VIEWER),
          Map.entry("PUT /api/flows/{id}", Role.EDITOR),
          Map.entry("GET /api/flows/{id}/versions", Role.VIEWER),
          Map.entry("POST /api/flows/{id}/publish", Role.EDITOR),
          Map.entry("POST /api/flows/{id}/pause", Role.EDITOR),
          Map.entry("POST /api/flows/{id}/archive", Role.EDITOR),
          Map.entry("GET /api/flows/{id}/stats", Role.VIEWER),
          Map.entry("GET /api/templates/{name}", Role.VIEWER),
          Map.entry("PUT /api/templates/{name}", Role.EDITOR),
          Map.entry("GET /api/segments", Role.VIEWER),
          Map.entry("POST /api/segments", Role.EDITOR),
          Map.entry("GET /api/segments/{id}", Role.VIEWER),
          Map.entry("PUT /api/segments/{id}", Role.EDITOR),
          Map.entry("DELETE /api/segments/{id}", Role.EDITOR));

  /** The collection API: authenticated by a source's write key, never by an API key. */
  static final List<String> COLLECTION =
      List.of(
          "POST /v1/alias",
          "POST /v1/batch",
          "POST /v1/group",
          "POST /v1/identify",
          "POST /v1/import",
          "POST /v1/page",
          "POST /v1/screen",
          "POST /v1/track");

  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(dir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<RouteInfo> apiRoutes() {
    return server.server().routes().stream().filter(r -> r.path().startsWith("/api")).toList();
  }

  static String name(RouteInfo route) {
    return route.method() + " " + route.path();
  }

  /** A concrete path for a pattern; ids that do not exist, so nothing is changed. */
  static String concrete(RouteInfo route) {
    return route
        .path()
        .replace("{id}", "no-such-id")
        .replace("{number}", "1")
        .replace("{name}", "funnel");
  }

  @Test
  void everyApiRouteHasARowInThisTable() {
    Map<String, Optional<Role>> registered =
        apiRoutes().stream()
            .collect(Collectors.toMap(AuthorizationMatrixTest::name, RouteInfo::requires));
    assertThat(registered.keySet()).containsExactlyInAnyOrderElementsOf(REQUIRED.keySet());
    REQUIRED.forEach((route, role) -> assertThat(registered.get(route)).as(route).contains(role));
  }

  @Test
  void everyApiRouteAnswers401WithoutAValidKey() {
    List<Executable> checks = new ArrayList<>();
    for (RouteInfo route : apiRoutes()) {
      for (String header : List.of("", "Bearer tm_wrong-key", "Basic dXNlcjpwYXNz", "Bearer ")) {
        checks.add(
            () -> {
              var request = server.request(concrete(route)).method(route.method(), noBody());
              if (!header.isEmpty()) {
                request.header("Authorization", header);
              }
              HttpResponse<String> response = server.send(request.build());
              String what = name(route) + " with '" + header + "'";
              assertThat(response.statusCode()).as(what).isEqualTo(401);
              assertThat(response.headers().firstValue("WWW-Authenticate"))
                  .as(what)
                  .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer realm=\"trailmap\""));
              assertThat(response.headers().firstValue("Content-Type"))
                  .as(what)
                  .hasValueSatisfying(type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
              assertThat(response.body()).as(what).contains("\"status\":401");
            });
      }
    }
    assertAll(checks);
  }

  @Test
  void everyApiRouteAnswers403ToRolesTooWeakAndLetsTheOthersThrough() {
    List<Executable> checks = new ArrayList<>();
    for (RouteInfo route : apiRoutes()) {
      Role required = REQUIRED.get(name(route));
      for (Role role : Role.values()) {
        checks.add(
            () -> {
              HttpResponse<String> response =
                  server.send(route.method(), concrete(route), server.key(role), "", "");
              String what = name(route) + " as " + role;
              if (role.includes(required)) {
                assertThat(response.statusCode()).as(what).isNotIn(401, 403);
              } else {
                assertThat(response.statusCode()).as(what).isEqualTo(403);
                assertThat(response.body())
                    .as(what)
                    .contains("needs the " + required.wireName() + " role");
              }
            });
      }
    }
    assertAll(checks);
  }

  @Test
  void operationsEndpointsAndTheSignInPageNeedNoKey() {
    for (String path :
        List.of(
            "/health/live", "/health/ready", "/metrics", "/login", "/schemas/map.schema.json")) {
      assertThat(server.get(path, "").statusCode()).as(path).isEqualTo(200);
    }
    List<String> publicRoutes =
        server.server().routes().stream()
            .filter(r -> r.requires().isEmpty() && !r.path().startsWith("/v1/"))
            .map(AuthorizationMatrixTest::name)
            .toList();
    assertThat(publicRoutes)
        .containsExactlyInAnyOrder(
            "GET /health/live",
            "GET /health/ready",
            "GET /metrics",
            "GET /schemas/map.schema.json",
            "GET /login",
            "POST /login",
            "POST /logout",
            "GET /assets/trailmap.css",
            // One-click unsubscribe: the HMAC-signed token authorises it (docs/flows-runtime.md).
            "GET /u/{token}",
            "POST /u/{token}");
  }

  @Test
  void everyCollectionRouteNeedsAWriteKeyAndRefusesApiKeys() {
    List<String> collection =
        server.server().routes().stream()
            .filter(r -> r.path().startsWith("/v1/"))
            .map(AuthorizationMatrixTest::name)
            .toList();
    assertThat(collection).containsExactlyInAnyOrderElementsOf(COLLECTION);
    String basicApiKey =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((TestServer.ADMIN_KEY + ":").getBytes(StandardCharsets.UTF_8));
    List<Executable> checks = new ArrayList<>();
    for (String route : COLLECTION) {
      String path = route.substring("POST ".length());
      for (String header : List.of("", "Bearer " + TestServer.ADMIN_KEY, basicApiKey)) {
        checks.add(
            () -> {
              var request =
                  server
                      .request(path)
                      .POST(
                          java.net.http.HttpRequest.BodyPublishers.ofString(
                              "{\"userId\":\"u\",\"event\":\"e\",\"batch\":[]}"));
              if (!header.isEmpty()) {
                request.header("Authorization", header);
              }
              HttpResponse<String> response = server.send(request.build());
              String what = route + " with '" + header + "'";
              assertThat(response.statusCode()).as(what).isEqualTo(401);
              assertThat(response.headers().firstValue("WWW-Authenticate"))
                  .as(what)
                  .contains("Basic realm=\"trailmap\"");
            });
      }
    }
    assertAll(checks);
  }

  private static java.net.http.HttpRequest.BodyPublisher noBody() {
    return java.net.http.HttpRequest.BodyPublishers.noBody();
  }
}
