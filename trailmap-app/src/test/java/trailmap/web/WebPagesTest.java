package trailmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.server.ServerConfig;
import trailmap.server.TestServer;

/** The UI over plain HTTP: sign-in, sessions, escaping and the list page. */
class WebPagesTest {
  /** After the test maps' review date (2027-01-31), so they show as overdue. */
  static final Clock LATE = Clock.fixed(Instant.parse("2027-03-01T09:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  TestServer server;
  HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    server = TestServer.start(dir, LATE, ServerConfig.DEFAULT_MAX_MAP_BYTES);
    String hostile = TestServer.mapYaml("shop", "Shop <script>alert(1)</script>", "Buy & \"pay\"");
    assertThat(
            server
                .post("/api/maps", server.key(Role.EDITOR), "application/yaml", hostile)
                .statusCode())
        .isEqualTo(201);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<String> signIn(String key) throws Exception {
    return client.send(
        server
            .request("/login")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String cookie(HttpResponse<String> signedIn) {
    String header = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    return header.substring(0, header.indexOf(';'));
  }

  HttpResponse<String> page(String path, String cookie) throws Exception {
    return client.send(
        server.request(path).header("Cookie", cookie).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pagesRedirectToTheSignInPageWithoutASession() throws Exception {
    for (String path : new String[] {"/", "/maps/shop", "/maps/shop/download/svg"}) {
      HttpResponse<String> response = page(path, "trailmap_session=made-up");
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(response.headers().firstValue("Location")).as(path).contains("/login");
    }
  }

  @Test
  void signingInSetsAnHttpOnlyStrictSessionCookieThatIsNotTheKey() throws Exception {
    String key = server.key(Role.VIEWER);
    HttpResponse<String> signedIn = signIn(key);
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(signedIn.headers().firstValue("Location")).contains("/");
    String header = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(header)
        .startsWith("trailmap_session=")
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Strict")
        .contains("Path=/")
        .doesNotContain(key);
    assertThat(page("/", cookie(signedIn)).statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongKeyShowsTheSignInPageWithAnErrorAndNoCookie() throws Exception {
    HttpResponse<String> refused = signIn("tm_not-a-key");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("That key is not valid");
    assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void theListEscapesMapTextAndFlagsOverdueReviews() throws Exception {
    HttpResponse<String> list = page("/", cookie(signIn(server.key(Role.VIEWER))));
    assertThat(list.body())
        .contains("Shop &lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>")
        .contains("badge-current")
        .contains("2027-01-31")
        .contains("review overdue");
    assertThat(list.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
  }

  @Test
  void theMapPageListsVersionsAndDownloadLinksForEveryFormat() throws Exception {
    String cookie = cookie(signIn(server.key(Role.VIEWER)));
    HttpResponse<String> map = page("/maps/shop", cookie);
    assertThat(map.statusCode()).isEqualTo(200);
    assertThat(map.body())
        .doesNotContain("<script>")
        .contains("/maps/shop/download/html")
        .contains("/maps/shop/download/svg")
        .contains("/maps/shop/download/png")
        .contains("/maps/shop/download/pdf")
        .contains("/maps/shop/download/mermaid")
        .contains("<h2>Versions</h2>");
    HttpResponse<String> missing = page("/maps/nope", cookie);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("There is no map with id <code>nope</code>");
  }

  @Test
  void signingOutEndsTheSession() throws Exception {
    String cookie = cookie(signIn(server.key(Role.VIEWER)));
    HttpResponse<String> out =
        client.send(
            server
                .request("/logout")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(
            c ->
                assertThat(c)
                    .startsWith("trailmap_session=;")
                    .contains("Expires=Thu, 01 Jan 1970"));
    assertThat(page("/", cookie).statusCode()).isEqualTo(302);
  }

  @Test
  void revokingTheKeyEndsItsSessions() throws Exception {
    var issued = server.server().keys().issue(Role.VIEWER, "to revoke");
    String cookie = cookie(signIn(issued.secret()));
    assertThat(page("/", cookie).statusCode()).isEqualTo(200);
    server.server().keys().revoke(issued.key().id());
    assertThat(page("/", cookie).statusCode()).isEqualTo(302);
  }

  @Test
  void theApiIgnoresTheSessionCookie() throws Exception {
    String cookie = cookie(signIn(server.key(Role.ADMIN)));
    assertThat(page("/api/maps", cookie).statusCode()).isEqualTo(401);
  }
}
