package trailmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.profiles.ProfileProcessor;
import trailmap.server.TestServer;

/** Events collected on two channels land on one profile whose timeline shows them both. */
class CollectionToProfilesTest {
  @TempDir Path dir;

  @Test
  void anAnonymousVisitAndALaterIdentifyShareOneTimeline() throws Exception {
    try (IngestServer server = new IngestServer(dir)) {
      ProfileProcessor processor = server.server.followEvents(server.log);
      String web = server.writeKey("web", "web");
      String app = server.writeKey("ios", "mobile");
      assertThat(
              server
                  .post(
                      "/v1/page",
                      web,
                      "{\"anonymousId\":\"a-1\",\"name\":\"Pricing\",\"messageId\":\"m-1\","
                          + "\"timestamp\":\"2026-11-23T17:00:00Z\"}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              server
                  .post(
                      "/v1/identify",
                      app,
                      "{\"userId\":\"u-1\",\"anonymousId\":\"a-1\",\"messageId\":\"m-2\","
                          + "\"traits\":{\"email\":\"u1@example.com\"},"
                          + "\"timestamp\":\"2026-11-23T17:30:00Z\"}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(processor.awaitPosition(2, Duration.ofSeconds(10))).isTrue();

      HttpResponse<String> timeline =
          server.send(
              HttpRequest.newBuilder(server.uri().resolve("/api/profiles/userId:u-1/timeline"))
                  .header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                  .build());
      assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
      JsonNode events = new ObjectMapper().readTree(timeline.body()).get("events");
      assertThat(events).extracting(e -> e.get("messageId").asText()).containsExactly("m-1", "m-2");
      assertThat(events)
          .extracting(e -> e.get("channel").asText())
          .containsExactly("web", "mobile");
    }
  }
}
