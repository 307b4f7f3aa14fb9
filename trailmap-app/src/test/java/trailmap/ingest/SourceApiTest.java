package trailmap.ingest;

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
import trailmap.server.TestServer;

class SourceApiTest {
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

  JsonNode create(String body) throws Exception {
    HttpResponse<String> created = server.post("/api/sources", admin, "application/json", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body());
  }

  @Test
  void anAdminCreatesASourceAndSeesItsWriteKeyOnce() throws Exception {
    JsonNode source = create("{\"name\": \"web\", \"channel\": \"web\"}");
    assertThat(source.get("id").asText()).matches("src_[0-9a-f]{10}");
    assertThat(source.get("name").asText()).isEqualTo("web");
    assertThat(source.get("channel").asText()).isEqualTo("web");
    assertThat(source.get("writeKey").asText()).matches("wk_[A-Za-z0-9_-]{43}");
    assertThat(source.get("createdAt").asText()).isNotBlank();

    HttpResponse<String> list = server.get("/api/sources", admin);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(list.body()).findValuesAsText("id"))
        .containsExactly(source.get("id").asText());
    assertThat(list.body())
        .doesNotContain(source.get("writeKey").asText())
        .doesNotContain("writeKey")
        .doesNotContain("revokedAt");
  }

  @Test
  void aSourceWithoutAChannelGivesItsEventsTheUnknownChannel() throws Exception {
    assertThat(create("{\"name\": \"import\"}").get("channel").asText()).isEqualTo("unknown");
  }

  @Test
  void revokingASourceKeepsItListedAsRevoked() throws Exception {
    String id = create("{\"name\": \"web\"}").get("id").asText();
    assertThat(server.send("DELETE", "/api/sources/" + id, admin, "", "").statusCode())
        .isEqualTo(204);
    JsonNode listed = JSON.readTree(server.get("/api/sources", admin).body()).get(0);
    assertThat(listed.get("revokedAt").asText()).isNotBlank();
    assertThat(server.send("DELETE", "/api/sources/src_none", admin, "", "").statusCode())
        .isEqualTo(404);
  }

  @Test
  void refusesBadSourceRequestsSayingWhy() {
    for (String[] row :
        new String[][] {
          {"{}", "field 'name' is required"},
          {"{\"name\": \"\"}", "field 'name' must be a text of 1 to 100 characters"},
          {"{\"name\": \"web\", \"chanel\": \"web\"}", "unknown field 'chanel'"},
          {"[1]", "must be a JSON object"},
          {"{oops", "must be JSON"},
        }) {
      HttpResponse<String> response =
          server.post("/api/sources", admin, "application/json", row[0]);
      assertThat(response.statusCode()).as(row[0]).isEqualTo(400);
      assertThat(response.body()).as(row[0]).contains(row[1]);
    }
  }

  @Test
  void onlyAdminsManageSources() {
    assertThat(server.get("/api/sources", server.key(Role.EDITOR)).statusCode()).isEqualTo(403);
    assertThat(
            server
                .post(
                    "/api/sources", server.key(Role.EDITOR), "application/json", "{\"name\":\"x\"}")
                .statusCode())
        .isEqualTo(403);
  }
}
