package trailmap.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import trailmap.access.Role;

class OperationsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void healthAnswersWithoutAKey() throws Exception {
    HttpResponse<String> live = server.get("/health/live", "");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(live.body()).get("status").asText()).isEqualTo("up");
    HttpResponse<String> ready = server.get("/health/ready", "");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("ready");
  }

  @Test
  void readinessFailsWith503WhenTheStoreNoLongerAnswers() throws Exception {
    // Closing the database under the running server is the failure readiness exists to show.
    TestServer broken = TestServer.start(dir.resolve("other"));
    try {
      closeDatabaseOf(broken.server());
      HttpResponse<String> ready = broken.get("/health/ready", "");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(ready.body()).get("detail").asText())
          .contains("does not answer")
          .doesNotContain("trailmap.db");
      assertThat(broken.get("/health/live", "").statusCode()).isEqualTo(200);
    } finally {
      broken.server().close();
    }
  }

  private static void closeDatabaseOf(TrailmapServer running) throws Exception {
    var field = TrailmapServer.class.getDeclaredField("db");
    field.setAccessible(true);
    ((trailmap.store.Database) field.get(running)).close();
  }

  @Test
  void metricsArePrometheusTextWithRequestTimersByRoutePatternAndJvmMetrics() {
    String viewer = server.key(Role.VIEWER);
    server.get("/api/maps", viewer);
    server.get("/api/maps/some-map", viewer);
    server.get("/api/maps/some-map", "");
    HttpResponse<String> metrics = server.get("/metrics", "");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
    assertThat(metrics.body())
        .contains("# TYPE http_server_requests_seconds summary")
        .containsPattern(
            "http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*route=\"/api/maps/\\{id}\""
                + "[^}]*status=\"404\"[^}]*} 1")
        .containsPattern(
            "http_server_requests_seconds_count\\{[^}]*route=\"/api/maps/\\{id}\"[^}]*status=\"401\"")
        .contains("jvm_memory_used_bytes")
        .contains("jvm_threads_live_threads")
        .doesNotContain("some-map")
        .doesNotContain(viewer);
  }

  @Test
  void writesOneAccessLogLinePerRequestWithTheKeyIdAndNeverTheKey() {
    String viewer = server.key(Role.VIEWER);
    String viewerId = server.server().keys().authenticate(viewer).orElseThrow().id();
    try (CapturedLogs logs = new CapturedLogs()) {
      server.get("/api/maps", viewer);
      server.get("/api/maps/nope", "tm_wrong-key-for-the-log");
      List<Map<String, String>> lines = logs.fields("trailmap.http.access");
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0))
          .containsEntry("method", "GET")
          .containsEntry("route", "/api/maps")
          .containsEntry("status", "200")
          .containsEntry("keyId", viewerId)
          .containsKeys("durationMs", "requestId", "path");
      assertThat(lines.get(1)).containsEntry("status", "401").containsEntry("keyId", "-");
      for (ILoggingEvent event : logs.events()) {
        String everything = event.getFormattedMessage() + event.getKeyValuePairs();
        assertThat(everything).doesNotContain(viewer).doesNotContain("tm_wrong-key-for-the-log");
      }
    }
  }

  @Test
  void aFailedRequestIsLoggedWithItsRequestId() {
    var map = trailmap.maps.format.MapReader.read("t", TestServer.mapYaml("broken", "B", "S"));
    server.server().maps().create(map.map().orElseThrow(), "id: [", "key_test");
    try (CapturedLogs logs = new CapturedLogs()) {
      HttpResponse<String> response = server.get("/api/maps/broken", server.key(Role.VIEWER));
      String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
      ILoggingEvent error =
          logs.events().stream()
              .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR)
              .findFirst()
              .orElseThrow();
      assertThat(error.getThrowableProxy()).isNotNull();
      assertThat(error.getKeyValuePairs().toString()).contains(requestId);
    }
  }

  @Test
  void logsAreOneJsonObjectPerLine() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    var appender = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
    assertThat(appender.getTarget()).isEqualTo("System.err");
    assertThat(appender.getEncoder()).isInstanceOf(JsonEncoder.class);
    try (CapturedLogs logs = new CapturedLogs()) {
      server.get("/api/maps", server.key(Role.VIEWER));
      // The request's access line, not whatever else logged meanwhile: the server's flow thread
      // logs the flow states it holds at its first round, which can fall inside the capture.
      ILoggingEvent event =
          logs.events().stream()
              .filter(e -> e.getLoggerName().equals("trailmap.http.access"))
              .findFirst()
              .orElseThrow();
      String line = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
      assertThat(line.strip()).doesNotContain("\n");
      JsonNode json = JSON.readTree(line);
      assertThat(json.get("level").asText()).isEqualTo("INFO");
      assertThat(json.get("loggerName").asText()).isEqualTo("trailmap.http.access");
      assertThat(json.get("kvpList").toString()).contains("\"route\":\"/api/maps\"");
    }
  }

  @Test
  void servesTheMapSchemaWithoutAKey() throws Exception {
    HttpResponse<String> schema = server.get("/schemas/map.schema.json", "");
    assertThat(schema.statusCode()).isEqualTo(200);
    assertThat(schema.headers().firstValue("Content-Type")).contains("application/schema+json");
    assertThat(JSON.readTree(schema.body()).has("$schema")).isTrue();
  }

  @Test
  void everyAnswerCarriesARequestIdAndKeepsASaneOneFromTheClient() {
    HttpResponse<String> generated = server.get("/health/live", "");
    assertThat(generated.headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
    HttpResponse<String> echoed =
        server.send(server.request("/health/live").header("X-Request-Id", "trace-42").build());
    assertThat(echoed.headers().firstValue("X-Request-Id")).contains("trace-42");
    HttpResponse<String> replaced =
        server.send(server.request("/health/live").header("X-Request-Id", "<script>").build());
    assertThat(replaced.headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
  }
}
