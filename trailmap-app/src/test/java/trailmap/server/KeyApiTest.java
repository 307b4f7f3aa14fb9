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
import trailmap.access.ApiKeys;

class KeyApiTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  TestServer server;
  String admin = TestServer.ADMIN_KEY;

  @BeforeEach
  void start() {
    server = TestServer.start(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anAdminIssuesAKeyThatWorksAtOnceWithItsRole() throws Exception {
    HttpResponse<String> issued =
        server.post(
            "/api/keys", admin, "application/json", "{\"role\":\"editor\",\"label\":\"CI\"}");
    assertThat(issued.statusCode()).isEqualTo(201);
    JsonNode body = JSON.readTree(issued.body());
    String key = body.get("key").asText();
    assertThat(key).matches("tm_[A-Za-z0-9_-]{43}");
    assertThat(body.get("role").asText()).isEqualTo("editor");
    assertThat(body.get("label").asText()).isEqualTo("CI");
    assertThat(issued.headers().firstValue("Location"))
        .contains("/api/keys/" + body.get("id").asText());

    assertThat(
            server
                .post("/api/maps", key, "application/yaml", TestServer.mapYaml("m", "M", "S"))
                .statusCode())
        .isEqualTo(201);
    assertThat(server.get("/api/keys", key).statusCode()).isEqualTo(403);
  }

  @Test
  void theListShowsIdsAndRolesButNeverSecrets() throws Exception {
    String secret =
        JSON.readTree(
                server.post("/api/keys", admin, "application/json", "{\"role\":\"viewer\"}").body())
            .get("key")
            .asText();
    HttpResponse<String> list = server.get("/api/keys", admin);
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode keys = JSON.readTree(list.body());
    assertThat(keys.findValuesAsText("id")).contains(ApiKeys.ENVIRONMENT_KEY_ID).hasSize(2);
    assertThat(keys.findValuesAsText("role")).containsExactlyInAnyOrder("admin", "viewer");
    assertThat(list.body()).doesNotContain(secret).doesNotContain(admin).doesNotContain("\"key\"");
  }

  @Test
  void aRevokedKeyIsRefusedAtOnce() throws Exception {
    JsonNode issued =
        JSON.readTree(
            server.post("/api/keys", admin, "application/json", "{\"role\":\"viewer\"}").body());
    String secret = issued.get("key").asText();
    assertThat(server.get("/api/maps", secret).statusCode()).isEqualTo(200);
    assertThat(
            server
                .send("DELETE", "/api/keys/" + issued.get("id").asText(), admin, "", "")
                .statusCode())
        .isEqualTo(204);
    assertThat(server.get("/api/maps", secret).statusCode()).isEqualTo(401);
  }

  @Test
  void theLastAdminKeyCannotBeRevoked() throws Exception {
    HttpResponse<String> refused =
        server.send("DELETE", "/api/keys/" + ApiKeys.ENVIRONMENT_KEY_ID, admin, "", "");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("only admin key");
    assertThat(server.get("/api/keys", admin).statusCode()).isEqualTo(200);
  }
}
