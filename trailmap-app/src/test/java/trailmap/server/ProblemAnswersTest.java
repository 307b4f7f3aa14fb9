package trailmap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.maps.format.MapReader;

/**
 * Bad input gets an RFC 9457 problem saying what is wrong and how to fix it, and never changes what
 * is stored: each test reads the stored maps back afterwards.
 */
class ProblemAnswersTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final long LIMIT = 8 * 1024;

  @TempDir Path dir;
  TestServer server;
  String editor;
  String before;

  @BeforeEach
  void startWithOneMap() {
    server = TestServer.start(dir, Clock.systemUTC(), LIMIT);
    editor = server.key(Role.EDITOR);
    assertThat(
            server
                .post(
                    "/api/maps",
                    editor,
                    "application/yaml",
                    TestServer.mapYaml("shop", "Shop", "Buy"))
                .statusCode())
        .isEqualTo(201);
    before = storedState();
  }

  @AfterEach
  void storedMapsAreUnchangedAndTheServerStops() {
    assertThat(storedState()).isEqualTo(before);
    server.close();
  }

  /** Every map's list entry and every version's document, as the API answers them. */
  String storedState() {
    String viewer = server.key(Role.VIEWER);
    StringBuilder state = new StringBuilder(server.get("/api/maps", viewer).body());
    state.append(server.get("/api/maps/shop/versions", viewer).body());
    state.append(server.get("/api/maps/shop", viewer).body());
    return state.toString();
  }

  static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("type").asText()).startsWith("urn:trailmap:problem:");
    assertThat(body.get("title").asText()).isNotBlank();
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("detail").asText()).isNotBlank();
    assertThat(body.get("requestId").asText())
        .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    return body;
  }

  @Test
  void malformedYamlIs400WithLineAndColumn() throws Exception {
    String yaml = "id: shop\nname: [unclosed\nstate: current\n";
    JsonNode body = problem(server.put("/api/maps/shop", editor, "application/yaml", yaml), 400);
    assertThat(body.get("title").asText()).isEqualTo("Malformed YAML");
    assertThat(body.get("errors").get(0).get("line").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(body.get("errors").get(0).get("message").asText()).startsWith("YAML syntax error");
  }

  @Test
  void malformedJsonIs400WithLineAndColumn() throws Exception {
    String json = "{\n  \"id\": \"shop\",\n  \"name\": \"Shop\"\n  \"state\": \"current\"\n}";
    JsonNode body = problem(server.put("/api/maps/shop", editor, "application/json", json), 400);
    assertThat(body.get("title").asText()).isEqualTo("Malformed JSON");
    JsonNode error = body.get("errors").get(0);
    assertThat(error.get("line").asInt()).isEqualTo(4);
    assertThat(error.get("column").asInt()).isPositive();
  }

  @Test
  void aMapThatBreaksTheSchemaIs422ListingEveryProblemWithFieldAndLine() throws Exception {
    String yaml =
        TestServer.mapYaml("shop", "Shop", "Buy")
            .replace("channel: web", "chanel: web")
            .replace("score: -1", "score: 5");
    JsonNode body = problem(server.put("/api/maps/shop", editor, "application/yaml", yaml), 422);
    assertThat(body.get("type").asText()).isEqualTo("urn:trailmap:problem:invalid-map");
    assertThat(body.get("errors")).hasSizeGreaterThanOrEqualTo(2);
    var expected = MapReader.read(MapBodies.SOURCE, yaml).problems();
    for (int i = 0; i < expected.size(); i++) {
      JsonNode error = body.get("errors").get(i);
      assertThat(error.get("line").asInt()).isEqualTo(expected.get(i).line());
      assertThat(error.get("column").asInt()).isEqualTo(expected.get(i).column());
      assertThat(error.get("message").asText()).isEqualTo(expected.get(i).message());
    }
    assertThat(body.toString()).contains("chanel").contains("between -2 and 2");
  }

  @Test
  void aNewMapWithProblemsIsNotCreated() throws Exception {
    String yaml = TestServer.mapYaml("new-map", "New", "Buy").replace("name: Sam\n", "");
    problem(server.post("/api/maps", editor, "application/yaml", yaml), 422);
    assertThat(server.get("/api/maps/new-map", editor).statusCode()).isEqualTo(404);
  }

  @Test
  void anOversizedBodyIs413NamingTheSizeTheLimitAndTheSetting() throws Exception {
    String yaml =
        TestServer.mapYaml("shop", "Shop", "Buy") + "description: \"" + "x".repeat(9000) + "\"\n";
    JsonNode body = problem(server.put("/api/maps/shop", editor, "application/yaml", yaml), 413);
    assertThat(body.get("detail").asText())
        .contains(String.format(java.util.Locale.ROOT, "%,d bytes", yaml.length()))
        .contains("limit of 8,192 bytes")
        .contains("maxMapBytes");
  }

  @Test
  void anOversizedBodyWithoutContentLengthIsAlso413() throws Exception {
    byte[] big = ("x".repeat(10_000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpRequest request =
        server
            .request("/api/maps")
            .header("Authorization", "Bearer " + editor)
            .header("Content-Type", "application/yaml")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(big)))
            .build();
    JsonNode body = problem(server.send(request), 413);
    assertThat(body.get("detail").asText()).contains("more than 8,192 bytes");
  }

  @Test
  void emptyNonUtf8AndUnsupportedBodiesAreRefused() throws Exception {
    assertThat(
            problem(server.post("/api/maps", editor, "application/yaml", ""), 400)
                .get("detail")
                .asText())
        .contains("empty");
    HttpRequest latin1 =
        server
            .request("/api/maps")
            .header("Authorization", "Bearer " + editor)
            .header("Content-Type", "application/yaml")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    new byte[] {'i', 'd', ':', ' ', (byte) 0xE9}))
            .build();
    assertThat(problem(server.send(latin1), 400).get("detail").asText()).contains("UTF-8");
    assertThat(
            problem(server.post("/api/maps", editor, "application/xml", "<map/>"), 415)
                .get("detail")
                .asText())
        .contains("application/yaml or application/json");
  }

  @Test
  void unknownIdsAre404NamingTheId() throws Exception {
    String viewer = server.key(Role.VIEWER);
    for (String path :
        new String[] {
          "/api/maps/nope",
          "/api/maps/nope/versions",
          "/api/maps/nope/render?format=svg",
          "/api/maps/nope/diff?from=1&to=2",
          "/api/maps/shop/diff?against=nope"
        }) {
      assertThat(problem(server.get(path, viewer), 404).get("detail").asText())
          .as(path)
          .contains("'nope'");
    }
    assertThat(problem(server.get("/api/maps/shop/versions/7", viewer), 404).get("detail").asText())
        .contains("has no version 7; it has versions 1 to 1");
    assertThat(
            problem(
                    server.put(
                        "/api/maps/nope",
                        editor,
                        "application/yaml",
                        TestServer.mapYaml("nope", "N", "B")),
                    404)
                .get("detail")
                .asText())
        .contains("'nope'");
    problem(server.send("DELETE", "/api/keys/key_nope", server.key(Role.ADMIN), "", ""), 404);
  }

  @Test
  void badQueryParametersAre400SayingWhatIsValid() throws Exception {
    String viewer = server.key(Role.VIEWER);
    assertThat(
            problem(server.get("/api/maps/shop/render?format=gif", viewer), 400)
                .get("detail")
                .asText())
        .contains("'gif'")
        .contains("html, svg, png, pdf, mermaid");
    assertThat(problem(server.get("/api/maps/shop/diff", viewer), 400).get("detail").asText())
        .contains("?from=N&to=M");
    assertThat(
            problem(server.get("/api/maps/shop/diff?from=one&to=2", viewer), 400)
                .get("detail")
                .asText())
        .contains("'from' must be a version number");
    assertThat(problem(server.get("/api/maps/shop/versions/0", viewer), 400).get("detail").asText())
        .contains("'number'");
  }

  @Test
  void aKnownPathWithTheWrongMethodIs405() throws Exception {
    HttpResponse<String> response =
        server.send(
            server
                .request("/api/maps/shop")
                .header("Authorization", "Bearer " + editor)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(problem(response, 405).get("detail").asText()).contains("PATCH");
  }

  @Test
  void problemBodiesAreUtf8SoNonAsciiTextSurvives() throws Exception {
    HttpResponse<String> response = server.get("/api/maps/caf%C3%A9-%E2%80%94", editor);

    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("charset=utf-8"));
    assertThat(problem(response, 404).get("detail").asText()).contains("café-—");
  }

  @Test
  void unknownRoutesAre404Problems() throws Exception {
    assertThat(problem(server.get("/api/nothing-here", editor), 404).get("detail").asText())
        .contains("/api/nothing-here");
  }

  @Test
  void aBugIsA500WithOnlyARequestIdAndIsLogged() throws Exception {
    // A stored document the reader refuses can only come from a bug (or a hand-edited database).
    var broken = trailmap.maps.format.MapReader.read("t", TestServer.mapYaml("broken", "B", "S"));
    server.server().maps().create(broken.map().orElseThrow(), "id: [not a map", "key_test");
    HttpResponse<String> response = server.get("/api/maps/broken", editor);
    JsonNode body = problem(response, 500);
    assertThat(body.get("detail").asText())
        .contains(body.get("requestId").asText())
        .doesNotContain("no longer reads");
    server.server().maps().delete("broken");
  }

  @Test
  void badKeyRequestsAre400() throws Exception {
    String admin = server.key(Role.ADMIN);
    assertThat(
            problem(
                    server.post("/api/keys", admin, "application/json", "{\"role\":\"owner\"}"),
                    400)
                .get("detail")
                .asText())
        .contains("viewer, editor, admin");
    assertThat(
            problem(
                    server.post("/api/keys", admin, "application/json", "{\"rol\":\"viewer\"}"),
                    400)
                .get("detail")
                .asText())
        .contains("unknown field 'rol'");
    problem(server.post("/api/keys", admin, "application/json", "{role"), 400);
  }
}
