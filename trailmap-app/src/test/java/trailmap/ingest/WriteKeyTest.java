package trailmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.server.TestServer;

class WriteKeyTest {
  static final String CALL = "{\"userId\":\"u\",\"event\":\"e\"}";

  @TempDir Path dir;
  IngestServer server;

  @BeforeEach
  void start() {
    server = new IngestServer(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  void assertUnauthorized(HttpResponse<String> response, String detail) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Basic realm=\"trailmap\"");
    assertThat(response.body()).contains(detail);
  }

  @Test
  void refusesACallWithoutAWriteKey() {
    assertUnauthorized(server.post("/v1/track", "", CALL), "needs a source's write key");
    assertThat(server.events()).isEmpty();
  }

  @Test
  void refusesAnUnknownWriteKeyInTheHeaderOrTheBody() {
    assertUnauthorized(
        server.post("/v1/track", "wk_nope", CALL), "mistyped or its source was revoked");
    assertUnauthorized(
        server.post("/v1/track", "", "{\"writeKey\":\"wk_nope\",\"userId\":\"u\",\"event\":\"e\"}"),
        "mistyped");
  }

  @Test
  void anApiKeyIsNotAWriteKey() {
    assertUnauthorized(
        server.post("/v1/track", TestServer.ADMIN_KEY, CALL),
        "that is an API key, not a write key");
    HttpResponse<String> bearer =
        server.send(
            HttpRequest.newBuilder(server.uri().resolve("/v1/track"))
                .header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(CALL))
                .build());
    assertUnauthorized(bearer, "must be 'Basic base64(WRITE_KEY:)'");
  }

  @Test
  void aRevokedWriteKeyStopsWorkingAtOnce() {
    var issued = server.server.sources().create("web", "web");
    assertThat(server.post("/v1/track", issued.writeKey(), CALL).statusCode()).isEqualTo(200);
    assertThat(server.server.sources().revoke(issued.source().id())).isTrue();
    assertUnauthorized(server.post("/v1/track", issued.writeKey(), CALL), "revoked");
    assertThat(server.events()).hasSize(1);
  }

  @Test
  void aBadWriteKeyIsRefusedBeforeTheBodyIsChecked() {
    assertUnauthorized(server.post("/v1/batch", "wk_nope", "not json"), "mistyped");
  }
}
