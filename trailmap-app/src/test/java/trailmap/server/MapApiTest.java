package trailmap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.maps.format.MapReader;
import trailmap.maps.format.MapWriter;

class MapApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String YAML = "application/yaml";

  @TempDir Path dir;
  TestServer server;
  String editor;
  String viewer;

  @BeforeEach
  void start() {
    server = TestServer.start(dir);
    editor = server.key(Role.EDITOR);
    viewer = server.key(Role.VIEWER);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void createsAMapFromYamlAndAnswers201WithItsLocation() throws Exception {
    HttpResponse<String> created =
        server.post("/api/maps", editor, YAML, TestServer.mapYaml("shop", "Shop", "Buy"));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).contains("/api/maps/shop");
    JsonNode body = json(created);
    assertThat(body.get("id").asText()).isEqualTo("shop");
    assertThat(body.get("version").asInt()).isEqualTo(1);
    assertThat(body.get("state").asText()).isEqualTo("current");

    HttpResponse<String> list = server.get("/api/maps", viewer);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(json(list).findValuesAsText("id")).containsExactly("shop");
    assertThat(json(list).get(0).get("reviewBy").asText()).isEqualTo("2027-01-31");
  }

  @Test
  void createsAMapFromJsonDetectedByContentTypeOrByContent() throws Exception {
    String yaml = TestServer.mapYaml("shop", "Shop", "Buy");
    String json = MapWriter.toJson(MapReader.read("t", yaml).map().orElseThrow());
    assertThat(server.post("/api/maps", editor, "application/json", json).statusCode())
        .isEqualTo(201);
    String other = json.replace("\"shop\"", "\"shop-2\"");
    assertThat(server.post("/api/maps", editor, "", other).statusCode()).isEqualTo(201);
    assertThat(
            server
                .post("/api/maps", editor, "text/plain", TestServer.mapYaml("shop-3", "S", "B"))
                .statusCode())
        .isEqualTo(201);
    assertThat(json(server.get("/api/maps", viewer)).findValuesAsText("id"))
        .containsExactly("shop", "shop-2", "shop-3");
  }

  @Test
  void readsAMapAsJsonByDefaultAndAsYamlWhenAsked() throws Exception {
    server.post("/api/maps", editor, YAML, TestServer.mapYaml("shop", "Shop", "Buy"));
    HttpResponse<String> asJson = server.get("/api/maps/shop", viewer);
    assertThat(asJson.statusCode()).isEqualTo(200);
    assertThat(asJson.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(json(asJson).get("name").asText()).isEqualTo("Shop");
    assertThat(MapReader.read("answer", asJson.body()).isValid()).isTrue();

    HttpResponse<String> asYaml =
        server.send(
            server
                .request("/api/maps/shop")
                .header("Authorization", "Bearer " + viewer)
                .header("Accept", "application/yaml")
                .build());
    assertThat(asYaml.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
    assertThat(asYaml.body()).contains("id: shop").contains("name: Shop");
    assertThat(MapReader.read("answer", asYaml.body()).map())
        .isEqualTo(MapReader.read("answer", asJson.body()).map());
  }

  @Test
  void refusesToCreateAnExistingIdWith409AndKeepsTheStoredMap() throws Exception {
    server.post("/api/maps", editor, YAML, TestServer.mapYaml("shop", "First", "Buy"));
    HttpResponse<String> again =
        server.post("/api/maps", editor, YAML, TestServer.mapYaml("shop", "Second", "Buy"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("detail").asText()).contains("PUT /api/maps/shop");
    assertThat(json(server.get("/api/maps/shop", viewer)).get("name").asText()).isEqualTo("First");
  }

  @Test
  void everyUpdateIsANewVersionRecordingTheKeyThatSavedIt() throws Exception {
    String editorId = server.server().keys().authenticate(editor).orElseThrow().id();
    server.post("/api/maps", editor, YAML, TestServer.mapYaml("shop", "One", "Buy"));
    HttpResponse<String> updated =
        server.put("/api/maps/shop", editor, YAML, TestServer.mapYaml("shop", "Two", "Pay"));
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(json(updated).get("version").asInt()).isEqualTo(2);
    server.put("/api/maps/shop", editor, YAML, TestServer.mapYaml("shop", "Two", "Pay"));

    JsonNode versions = json(server.get("/api/maps/shop/versions", viewer));
    assertThat(versions.findValuesAsText("number")).containsExactly("1", "2", "3");
    assertThat(versions.findValuesAsText("keyId")).containsOnly(editorId);
    assertThat(versions.get(0).get("createdAt").asText()).endsWith("Z");

    assertThat(json(server.get("/api/maps/shop/versions/1", viewer)).get("name").asText())
        .isEqualTo("One");
    assertThat(json(server.get("/api/maps/shop", viewer)).get("name").asText()).isEqualTo("Two");
    assertThat(server.get("/api/maps/shop", viewer).headers().firstValue("X-Map-Version"))
        .contains("3");
  }

  @Test
  void refusesAnUpdateWhoseBodyNamesAnotherId() throws Exception {
    server.post("/api/maps", editor, YAML, TestServer.mapYaml("shop", "Shop", "Buy"));
    HttpResponse<String> response =
        server.put("/api/maps/shop", editor, YAML, TestServer.mapYaml("other", "Other", "Buy"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("detail").asText())
        .contains("field 'id' in the body is 'other' but the URL names map 'shop'");
    assertThat(json(server.get("/api/maps/shop/versions", viewer))).hasSize(1);
  }

  @Test
  void deletesAMapWith204() {
    server.post("/api/maps", editor, YAML, TestServer.mapYaml("shop", "Shop", "Buy"));
    assertThat(server.send("DELETE", "/api/maps/shop", editor, "", "").statusCode()).isEqualTo(204);
    assertThat(server.get("/api/maps/shop", viewer).statusCode()).isEqualTo(404);
    assertThat(server.send("DELETE", "/api/maps/shop", editor, "", "").statusCode()).isEqualTo(404);
  }

  @Test
  void concurrentSavesEachGetTheirOwnVersion() throws Exception {
    server.post("/api/maps", editor, YAML, TestServer.mapYaml("shop", "Shop", "Buy"));
    int saves = 24;
    try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      var answers =
          java.util.stream.IntStream.range(0, saves)
              .mapToObj(
                  i ->
                      executor.submit(
                          () ->
                              server
                                  .put(
                                      "/api/maps/shop",
                                      editor,
                                      YAML,
                                      TestServer.mapYaml("shop", "Shop " + i, "Buy"))
                                  .statusCode()))
              .toList();
      for (var answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
    }
    JsonNode versions = json(server.get("/api/maps/shop/versions", viewer));
    assertThat(versions).hasSize(saves + 1);
    for (int i = 0; i <= saves; i++) {
      assertThat(versions.get(i).get("number").asInt()).isEqualTo(i + 1);
    }
  }
}
