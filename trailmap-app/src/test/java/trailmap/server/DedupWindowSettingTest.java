package trailmap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.EventLog;
import trailmap.eventlog.FileEventLog;
import trailmap.eventlog.SettableClock;

/**
 * The server's {@code dedupWindow} setting reaches its event log: a call repeated inside the window
 * is stored once, one repeated after it is stored again, by the log's clock.
 */
class DedupWindowSettingTest {
  @TempDir Path dir;

  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void storesARepeatedMessageIdOnceInsideTheConfiguredWindowAndAgainAfterIt() throws Exception {
    Path file = Files.writeString(dir.resolve("trailmap.yaml"), "dedupWindow: 2h\nport: 0\n");
    ServerConfig config = ServerConfig.read(file).withDataDir(dir.resolve("data"));
    try (TrailmapServer server =
        TrailmapServer.start(config, clock, Optional.of(TestServer.ADMIN_KEY))) {
      String writeKey = server.sources().create("web", "web").writeKey();

      assertThat(track(server.uri(), writeKey, "m-1").statusCode()).isEqualTo(200);
      clock.advance(Duration.ofMinutes(90));
      assertThat(track(server.uri(), writeKey, "m-1").statusCode()).isEqualTo(200);
      // Ids are forgotten a whole UTC day at a time: past 2h + 1 day it is certainly gone.
      clock.advance(Duration.ofHours(27));
      assertThat(track(server.uri(), writeKey, "m-1").statusCode()).isEqualTo(200);
    }
    try (FileEventLog log = FileEventLog.open(dir.resolve("data").resolve("eventlog"))) {
      List<EventLog.LogEntry> stored = log.read(0, 10);
      assertThat(stored).extracting(e -> e.event().messageId()).containsExactly("m-1", "m-1");
    }
  }

  @Test
  void theDefaultWindowStillRecognisesARepeatAfterSixDays() throws Exception {
    ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(dir.resolve("data"));
    try (TrailmapServer server =
        TrailmapServer.start(config, clock, Optional.of(TestServer.ADMIN_KEY))) {
      String writeKey = server.sources().create("web", "web").writeKey();
      track(server.uri(), writeKey, "m-1");
      clock.advance(Duration.ofDays(6));
      track(server.uri(), writeKey, "m-1");
    }
    try (FileEventLog log = FileEventLog.open(dir.resolve("data").resolve("eventlog"))) {
      assertThat(log.end()).isEqualTo(1);
    }
  }

  private HttpResponse<String> track(URI base, String writeKey, String messageId) throws Exception {
    String auth =
        Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    String body =
        "{\"type\":\"track\",\"event\":\"Signed Up\",\"userId\":\"u-1\",\"messageId\":\""
            + messageId
            + "\"}";
    return client.send(
        HttpRequest.newBuilder(base.resolve("/v1/track"))
            .header("Authorization", "Basic " + auth)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
