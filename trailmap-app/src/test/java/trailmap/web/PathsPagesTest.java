package trailmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.server.TestServer;

/**
 * The paths page over HTTP on 2,000 generated demo profiles: its figures are the paths API's for
 * the same query, bad choices get a 400 page with the form, and it needs a session.
 */
class PathsPagesTest {
  @TempDir static Path dir;
  static TestServer server;
  static String cookie;
  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    server = DemoServer.start(dir);
    cookie = signIn(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Signs in to {@code on} with a viewer key; answers the session cookie. */
  static String signIn(TestServer on) throws Exception {
    HttpResponse<String> signedIn =
        CLIENT.send(
            on.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "key=" + URLEncoder.encode(on.key(Role.VIEWER), StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return WebPagesTest.cookie(signedIn);
  }

  static HttpResponse<String> page(TestServer on, String path, String withCookie) throws Exception {
    return CLIENT.send(
        on.request(path).header("Cookie", withCookie).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> page(String path, String withCookie) throws Exception {
    return page(server, path, withCookie);
  }

  @Test
  void thePageShowsThePathsApisOwnFiguresForTheSameQuery() throws Exception {
    HttpResponse<String> response =
        page("/maps/saas-current/paths?start=touchpoint:pricing&steps=3", cookie);
    JsonNode api =
        JSON.readTree(
            server
                .post(
                    "/api/analytics/paths",
                    server.key(Role.VIEWER),
                    "application/json",
                    "{\"map\": \"saas-current\", \"start\": \"touchpoint:pricing\", \"steps\": 3,"
                        + " \"nodes\": \"touchpoints\", \"top\": 10}")
                .body());

    assertThat(response.statusCode()).isEqualTo(200);
    String html = response.body();
    assertThat(api.path("pathProfiles").asLong()).isGreaterThan(0);
    assertThat(html)
        .contains(
            "<svg class=\"sankey\"",
            "Paths through ",
            "<option value=\"touchpoint:pricing\" selected>")
        .contains(
            String.format(
                Locale.ROOT, "%,d profiles have a path from ", api.path("pathProfiles").asLong()));
    JsonNode top = api.path("paths").get(0);
    assertThat(html)
        .contains(
            String.format(
                Locale.ROOT, "<td class=\"number\">%,d</td>", top.path("count").asLong()));
    for (JsonNode edge : api.path("edges")) {
      if (edge.path("step").asInt() == 0) {
        assertThat(html)
            .contains(
                "data-from=\""
                    + edge.path("from").asText()
                    + "\" data-to=\""
                    + edge.path("to").asText()
                    + "\" data-profiles=\""
                    + edge.path("count").asLong()
                    + "\"");
      }
    }
  }

  @Test
  void theMapPageLinksToItsPaths() throws Exception {
    assertThat(page("/maps/saas-current", cookie).body())
        .contains("<a href=\"/maps/saas-current/paths\">Paths through this map →</a>");
    HttpResponse<String> defaults = page("/maps/saas-current/paths", cookie);
    assertThat(defaults.statusCode()).isEqualTo(200);
    assertThat(defaults.body())
        .contains("<option value=\"\" selected>each profile&#39;s first step</option>")
        .contains("<option value=\"4\" selected>4</option>", "from their first step");
  }

  @Test
  void badChoicesGetA400PageWithTheReasonAndTheForm() throws Exception {
    HttpResponse<String> steps = page("/maps/saas-current/paths?steps=30", cookie);
    assertThat(steps.statusCode()).isEqualTo(400);
    assertThat(steps.body())
        .contains("Steps must be a whole number from 2 to 8.", "<form class=\"paths-query\"");

    HttpResponse<String> nodes = page("/maps/saas-current/paths?nodes=%3Cb%3E", cookie);
    assertThat(nodes.statusCode()).isEqualTo(400);
    assertThat(nodes.body()).contains("Show either touchpoints or stages").doesNotContain("<b>");

    HttpResponse<String> start =
        page("/maps/saas-current/paths?start=touchpoint:%3Cnope%3E", cookie);
    assertThat(start.statusCode()).isEqualTo(400);
    assertThat(start.body()).contains("no touchpoint", "&lt;nope&gt;").doesNotContain("<nope>");
  }

  @Test
  void anUnknownMapIs404AndNoSessionGoesToTheSignInPage() throws Exception {
    assertThat(page("/maps/no-such-map/paths", cookie).statusCode()).isEqualTo(404);
    HttpResponse<String> anonymous = page("/maps/saas-current/paths", "trailmap_session=made-up");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/login"));
  }
}
