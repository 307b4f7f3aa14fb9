package trailmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.events.Event;
import trailmap.profiles.ProfileProcessor;
import trailmap.server.TestServer;

/**
 * The official Node libraries of Segment ({@code @segment/analytics-node}) and RudderStack ({@code
 * rudder-sdk-node}), unchanged but for their endpoint, send to a real server: every call type in
 * batches, a retry after a 503, RudderStack's gzip. The npm project is {@code src/test/node}.
 */
class NodeClientsTest {
  static final Path PROJECT = Path.of("src/test/node");
  static final Path INSTALLED = Path.of("target/node-clients");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  IngestServer server;
  ProfileProcessor processor;
  String key;

  @BeforeAll
  static void install() throws Exception {
    run(List.of("node", "--version"), Path.of("."), Duration.ofSeconds(20));
    Files.createDirectories(INSTALLED);
    for (String file : List.of("package.json", "package-lock.json", "segment-send.mjs")) {
      Files.copy(PROJECT.resolve(file), INSTALLED.resolve(file), REPLACE);
    }
    Files.copy(PROJECT.resolve("rudder-send.mjs"), INSTALLED.resolve("rudder-send.mjs"), REPLACE);
    // Skip the install when this lock file was installed already.
    Path stamp = INSTALLED.resolve("node_modules/.installed-lock");
    String lock = Files.readString(PROJECT.resolve("package-lock.json"));
    if (!Files.exists(stamp) || !Files.readString(stamp).equals(lock)) {
      // npm ci refuses this lock (npm 11 and optional platform packages); install keeps to it.
      run(List.of("npm", "install", "--no-audit", "--no-fund"), INSTALLED, Duration.ofMinutes(5));
      Files.writeString(stamp, lock);
    }
  }

  static final java.nio.file.CopyOption REPLACE = java.nio.file.StandardCopyOption.REPLACE_EXISTING;

  @BeforeEach
  void start() {
    server = new IngestServer(dir);
    processor = server.server.followEvents(server.log);
    key = server.writeKey("node", "server");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void segmentsNodeLibraryDeliversEveryCallOnceAndRetriesA503() throws Exception {
    server.log.failNext(1);
    JsonNode outcome = send("segment-send.mjs", "seg-run");

    assertDeliveredOnceOnOneProfile(outcome, "seg-run", "seg");
    assertThat(metrics()).contains(status503());
  }

  @Test
  void rudderStacksNodeLibraryGzipsDeliversEveryCallOnceAndRetriesA503() throws Exception {
    server.log.failNext(1);
    JsonNode outcome = send("rudder-send.mjs", "rudder-run");

    assertDeliveredOnceOnOneProfile(outcome, "rudder-run", "rudder");
    String metrics = metrics();
    assertThat(metrics)
        .contains("trailmap_ingest_events_total{encoding=\"gzip\"} 7.0")
        .contains("trailmap_ingest_events_total{encoding=\"identity\"} 0.0")
        .contains(status503());
    // RudderStack sends the client's time as originalTimestamp; it is the event time.
    assertThat(server.events()).allSatisfy(e -> assertThat(e.timestamp()).isNotNull());
  }

  private static String status503() {
    return "http_server_requests_seconds_count{method=\"POST\",route=\"/v1/batch\",status=\"503\"} 1";
  }

  private void assertDeliveredOnceOnOneProfile(JsonNode outcome, String run, String library)
      throws Exception {
    List<String> expected =
        IntStream.rangeClosed(1, 7).mapToObj(n -> run + "-" + library + "-" + n).toList();
    assertThat(outcome.get("failed")).as(outcome.toString()).isEmpty();
    List<String> delivered = new ArrayList<>();
    outcome.get("delivered").forEach(id -> delivered.add(id.asText()));
    assertThat(delivered).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(server.events())
        .extracting(Event::messageId)
        .containsExactlyInAnyOrderElementsOf(expected);

    assertThat(processor.awaitPosition(server.log.end(), Duration.ofSeconds(20))).isTrue();
    // identify linked the anonymous visitor, alias the old id: one person, one profile.
    String byUser = profileId("userId:" + run + "-user");
    assertThat(profileId("anonymousId:" + run + "-anon")).isEqualTo(byUser);
    assertThat(profileId("userId:" + run + "-old")).isEqualTo(byUser);
    JsonNode timeline =
        JSON.readTree(get("/api/profiles/userId:" + run + "-user/timeline?limit=100"));
    List<String> onProfile = new ArrayList<>();
    timeline.get("events").forEach(e -> onProfile.add(e.get("messageId").asText()));
    assertThat(onProfile).containsExactlyInAnyOrderElementsOf(expected);
  }

  private String profileId(String ref) throws Exception {
    return JSON.readTree(get("/api/profiles/" + ref)).get("id").asText();
  }

  private String get(String path) {
    var response =
        server.send(
            HttpRequest.newBuilder(server.uri().resolve(path))
                .header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                .build());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private String metrics() {
    return server.send(HttpRequest.newBuilder(server.uri().resolve("/metrics")).build()).body();
  }

  /** Runs the script and reads the one JSON line it prints: delivered and failed messageIds. */
  private JsonNode send(String script, String run) throws Exception {
    String out =
        run(
            List.of("node", script, server.uri().toString().replaceAll("/$", ""), key, run),
            INSTALLED,
            Duration.ofSeconds(120));
    String last = out.strip().lines().reduce((a, b) -> b).orElse("");
    return JSON.readTree(last);
  }

  private static String run(List<String> command, Path directory, Duration timeout)
      throws IOException, InterruptedException {
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "cannot run '"
              + command.getFirst()
              + "': these tests need Node.js 18 or later with npm on the PATH"
              + " (Debian: apt-get install -y nodejs npm)",
          e);
    }
    byte[] output;
    try (var in = process.getInputStream()) {
      output = in.readAllBytes();
    }
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " took over " + timeout);
    }
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + text).isZero();
    return text;
  }
}
