package trailmap.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.access.Role;
import trailmap.eventlog.EventLog;
import trailmap.eventlog.FileEventLog;
import trailmap.server.TestServer;

/**
 * {@code DELETE /api/profiles/{id}} on a real server with its durable event log: the person's
 * values leave the log's segment files and profiles.db's files, other people stay, a restart and a
 * rebuild of profiles.db from the log do not bring the person back, and a re-sent event of theirs
 * is a duplicate.
 */
class ErasureThroughTheApiTest {
  @TempDir Path dir;

  private static final List<String> ANNS_VALUES =
      List.of("u-ann", "ann@example.com", "anon-ann", "Ann Example", "Ann's secret order");

  private String writeKey;

  private String batch(String... calls) {
    return "{\"batch\":[" + String.join(",", calls) + "]}";
  }

  private static String call(String type, String messageId, String identities, String rest) {
    return "{\"type\":\""
        + type
        + "\",\"messageId\":\""
        + messageId
        + "\","
        + identities
        + (rest.isEmpty() ? "" : "," + rest)
        + "}";
  }

  private static final String ANN_FIRST =
      call("track", "ann-1", "\"anonymousId\":\"anon-ann\"", "\"event\":\"Ann's secret order\"");
  private static final String ANN_IDENTIFY =
      call(
          "identify",
          "ann-2",
          "\"userId\":\"u-ann\",\"anonymousId\":\"anon-ann\"",
          "\"traits\":{\"email\":\"ann@example.com\",\"name\":\"Ann Example\"}");
  private static final String BOB =
      call(
          "identify",
          "bob-1",
          "\"userId\":\"u-bob\"",
          "\"traits\":{\"email\":\"bob@example.com\",\"name\":\"Bob Example\"}");

  private HttpResponse<String> post(TestServer server, String body) {
    String auth =
        Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    return server.send(
        server
            .request("/v1/batch")
            .header("Authorization", "Basic " + auth)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static int status(TestServer server, String ref) {
    return server.get("/api/profiles/" + ref, server.key(Role.VIEWER)).statusCode();
  }

  private static void awaitProfile(TestServer server, String ref) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (status(server, ref) != 200) {
      assertThat(System.nanoTime()).as("profile " + ref + " appears").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private String bytesOf(Path directory, String suffix) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : files.filter(f -> f.toString().contains(suffix)).toList()) {
        all.write(Files.readAllBytes(f));
      }
    }
    return all.toString(StandardCharsets.UTF_8);
  }

  @Test
  void erasesThePersonFromTheLogAndProfilesFilesAndKeepsThemGoneAcrossRestartAndRebuild()
      throws Exception {
    try (TestServer server = TestServer.start(dir)) {
      writeKey = server.server().sources().create("web", "web").writeKey();
      assertThat(post(server, batch(ANN_FIRST, BOB)).statusCode()).isEqualTo(200);
      assertThat(post(server, batch(ANN_IDENTIFY)).statusCode()).isEqualTo(200);
      awaitProfile(server, "userId:u-ann");
      awaitProfile(server, "userId:u-bob");
      assertThat(bytesOf(dir.resolve("eventlog"), ".seg")).contains("ann@example.com");
      assertThat(bytesOf(dir, "profiles.db")).contains("ann@example.com");

      HttpResponse<String> deleted =
          server.send("DELETE", "/api/profiles/anonymousId:anon-ann", TestServer.ADMIN_KEY, "", "");
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

      String log = bytesOf(dir.resolve("eventlog"), ".seg");
      String profiles = bytesOf(dir, "profiles.db");
      for (String value : ANNS_VALUES) {
        assertThat(log).as("event log files").doesNotContain(value);
        assertThat(profiles).as("profiles.db files").doesNotContain(value);
      }
      assertThat(log).contains("bob@example.com");
      assertThat(status(server, "userId:u-ann")).isEqualTo(404);
      assertThat(status(server, "userId:u-bob")).isEqualTo(200);

      // A client retrying Ann's old batch gets 200, but nothing of hers is stored again.
      assertThat(post(server, batch(ANN_FIRST, ANN_IDENTIFY)).statusCode()).isEqualTo(200);
      post(server, batch(call("track", "bob-2", "\"userId\":\"u-bob\"", "\"event\":\"Later\"")));
      awaitEvents(server, "userId:u-bob", 2);
      assertThat(status(server, "userId:u-ann")).isEqualTo(404);
    }

    try (TestServer restarted = TestServer.start(dir)) {
      assertThat(status(restarted, "userId:u-ann")).isEqualTo(404);
      assertThat(status(restarted, "userId:u-bob")).isEqualTo(200);
    }

    // Rebuilding profiles.db from the log (as after losing it) does not bring Ann back.
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().contains("profiles.db")).toList()) {
        Files.delete(f);
      }
    }
    try (TestServer rebuilt = TestServer.start(dir)) {
      awaitEvents(rebuilt, "userId:u-bob", 2);
      assertThat(status(rebuilt, "userId:u-ann")).isEqualTo(404);
      assertThat(status(rebuilt, "anonymousId:anon-ann")).isEqualTo(404);
    }
    try (FileEventLog log = FileEventLog.open(dir.resolve("eventlog"))) {
      assertThat(log.read(0, 100))
          .extracting(e -> e.event().messageId())
          .containsExactly("bob-1", "bob-2");
      assertThat(log.end()).as("positions are kept").isEqualTo(4);
      assertThat(log.readPage(0, 100)).isEqualTo(new EventLog.Page(log.read(0, 100), 4));
    }
  }

  private static void awaitEvents(TestServer server, String ref, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      HttpResponse<String> timeline =
          server.get("/api/profiles/" + ref + "/timeline", server.key(Role.VIEWER));
      if (timeline.statusCode() == 200
          && timeline.body().split("\"messageId\":\"bob-", -1).length - 1 >= count) {
        return;
      }
      assertThat(System.nanoTime()).as(ref + " has " + count + " events").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
