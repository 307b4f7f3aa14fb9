package trailmap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import trailmap.cli.Trailmap;
import trailmap.maps.MapState;
import trailmap.maps.templates.MapTemplates;

/** {@code trailmap serve} and {@code trailmap demo}, run in-process as the launcher runs them. */
class ServeAndDemoCommandTest {
  static final Pattern URL = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
  static final Pattern KEY = Pattern.compile("(tm_[A-Za-z0-9_-]{43})");

  @TempDir Path dir;

  /** A command running on its own thread, with what it printed. */
  record Running(Thread thread, StringWriter out, StringWriter err, AtomicInteger exit) {
    String waitFor(Pattern pattern) throws InterruptedException {
      Instant deadline = Instant.now().plusSeconds(30);
      while (Instant.now().isBefore(deadline)) {
        Matcher m = pattern.matcher(out.toString());
        if (m.find()) {
          return m.group(1);
        }
        if (!thread.isAlive()) {
          break;
        }
        Thread.sleep(50);
      }
      throw new AssertionError("no " + pattern + " in output: " + out + err);
    }

    int stop() throws InterruptedException {
      thread.interrupt();
      thread.join(Duration.ofSeconds(20));
      return exit.get();
    }
  }

  static Running run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    CommandLine cli = Trailmap.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    Thread thread = new Thread(() -> exit.set(cli.execute(args)), "cli " + args[0]);
    thread.start();
    return new Running(thread, out, err, exit);
  }

  static HttpResponse<String> get(String url, String key) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url));
    if (!key.isEmpty()) {
      request.header("Authorization", "Bearer " + key);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void serveStartsOnTheDataDirectoryAndPrintsTheFirstAdminKeyOnce() throws Exception {
    Path data = dir.resolve("data");
    CapturedLogs logs = new CapturedLogs();
    Running first = run("serve", "--port", "0", "--data", data.toString());
    String url = first.waitFor(URL);
    String key = first.waitFor(KEY);
    assertThat(get(url + "/health/ready", "").statusCode()).isEqualTo(200);
    assertThat(get(url + "/api/keys", key).statusCode()).isEqualTo(200);
    logs.close();
    assertThat(logs.events()).isNotEmpty();
    assertThat(logs.events())
        .allSatisfy(
            e -> assertThat(e.getFormattedMessage() + e.getKeyValuePairs()).doesNotContain(key));
    assertThat(Files.exists(data.resolve("trailmap.db"))).isTrue();
    assertThat(first.stop()).isZero();

    Running second = run("serve", "--port", "0", "--data", data.toString());
    String secondUrl = second.waitFor(URL);
    assertThat(get(secondUrl + "/api/keys", key).statusCode()).isEqualTo(200);
    assertThat(second.out().toString()).doesNotContain("tm_");
    assertThat(second.stop()).isZero();
  }

  @Test
  void serveReadsItsConfigFileAndTheOptionsWin() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("trailmap.yaml"),
            "port: 1\ndata: " + dir.resolve("from-config") + "\nmaxMapBytes: 2KB\n");
    Running serve = run("serve", "--config", config.toString(), "--port", "0");
    String url = serve.waitFor(URL);
    String key = serve.waitFor(KEY);
    HttpResponse<String> big =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "/api/maps"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(3000)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(big.body()).contains("limit of 2,048 bytes");
    assertThat(Files.exists(dir.resolve("from-config/trailmap.db"))).isTrue();
    assertThat(serve.stop()).isZero();
  }

  @Test
  void aPortInUseIsOneLineAndExitCode2() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Running serve =
          run("serve", "--port", Integer.toString(taken.getLocalPort()), "--data", dir.toString());
      serve.thread().join(Duration.ofSeconds(30));
      assertThat(serve.exit().get()).isEqualTo(2);
      assertThat(serve.err().toString().strip())
          .isEqualTo(
              "trailmap: port "
                  + taken.getLocalPort()
                  + " is already in use; stop the other process or choose another port with --port");
      assertThat(serve.out().toString()).isEmpty();
    }
  }

  @Test
  void aBadConfigFileIsOneLineAndExitCode2() throws Exception {
    Path config = Files.writeString(dir.resolve("bad.yaml"), "prot: 1\n");
    Running serve = run("serve", "--config", config.toString());
    serve.thread().join(Duration.ofSeconds(30));
    assertThat(serve.exit().get()).isEqualTo(2);
    assertThat(serve.err().toString()).startsWith("trailmap: " + config + ": prot: unknown key");
    assertThat(serve.err().toString().strip()).doesNotContain("\n");
  }

  @Test
  void demoReadsTheConfigFileTooAndRefusesABadDedupWindow() throws Exception {
    Path config = Files.writeString(dir.resolve("bad.yaml"), "dedupWindow: 5m\n");
    Running demo = run("demo", "--config", config.toString(), "--port", "0");
    demo.thread().join(Duration.ofSeconds(30));
    assertThat(demo.exit().get()).isEqualTo(2);
    assertThat(demo.err().toString())
        .startsWith(
            "trailmap: " + config + ": dedupWindow: dedupWindow must be between 1h and 365d");
  }

  @Test
  void demoLoadsEveryTemplateOnceAndPrintsAFreshAdminKeyEachStartRevokingTheLast()
      throws Exception {
    Path data = dir.resolve("demo");
    Running first = run("demo", "--port", "0", "--data", data.toString());
    String url = first.waitFor(URL);
    first.waitFor(Pattern.compile("(Open http)"));
    String key = first.waitFor(Pattern.compile("Admin API key for this demo[^:]*: (tm_\\S+)"));
    var maps =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(get(url + "/api/maps", key).body());
    int expected = MapTemplates.names().size() * MapState.values().length;
    assertThat(maps).hasSize(expected);
    String living = first.waitFor(Pattern.compile("The living map[^:]*: (http\\S+)"));
    assertThat(living).isEqualTo(url + "/maps/saas-current");
    var live =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(get(url + "/api/maps/saas-current/live", key).body());
    assertThat(live.at("/friction/items")).as("frictions found in the demo data").isNotEmpty();
    assertThat(live.at("/verdicts/supported").asInt()).isPositive();
    assertThat(first.stop()).isZero();

    Running second = run("demo", "--port", "0", "--data", data.toString());
    String secondUrl = second.waitFor(URL);
    String secondKey =
        second.waitFor(Pattern.compile("Admin API key for this demo[^:]*: (tm_\\S+)"));
    assertThat(secondKey).isNotEqualTo(key);
    assertThat(get(secondUrl + "/api/maps", key).statusCode()).isEqualTo(401);
    assertThat(second.out().toString()).contains("Demo maps already loaded.");
    var again =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(get(secondUrl + "/api/maps", secondKey).body());
    assertThat(again).hasSize(expected);
    assertThat(second.stop()).isZero();
  }

  @Test
  void demoPublishesTheExampleFlowsOnceAndTheyTakeTheTrialsOfItsData() throws Exception {
    Path data = dir.resolve("demo-flows");
    Running first = run("demo", "--port", "0", "--data", data.toString());
    String url = first.waitFor(URL);
    String key = first.waitFor(Pattern.compile("Admin API key for this demo[^:]*: (tm_\\S+)"));
    assertThat(first.out().toString())
        .contains(
            "Published demo flows: welcome, pricing-abandonment, support-follow-up,"
                + " weekly-digest.");
    assertThat(first.waitFor(Pattern.compile("step statistics: (http\\S+)")))
        .isEqualTo(url + "/flows");
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var flows = json.readTree(get(url + "/api/flows", key).body());
    assertThat(flows).hasSize(4);
    flows.forEach(f -> assertThat(f.path("status").asText()).isEqualTo("published"));
    assertThat(get(url + "/api/templates/onboarding-tips", key).statusCode()).isEqualTo(200);
    // The runtime reads the demo's generated history with the flows published: its trials enter.
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    long entered = 0;
    while (entered == 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      entered =
          json.readTree(get(url + "/api/flows/welcome/stats", key).body())
              .at("/entered/profiles")
              .asLong();
    }
    assertThat(entered).as("demo trials in the welcome flow").isPositive();
    assertThat(first.stop()).isZero();

    Running second = run("demo", "--port", "0", "--data", data.toString());
    String secondUrl = second.waitFor(URL);
    String secondKey =
        second.waitFor(Pattern.compile("Admin API key for this demo[^:]*: (tm_\\S+)"));
    assertThat(second.out().toString()).doesNotContain("Published demo flows");
    assertThat(json.readTree(get(secondUrl + "/api/flows", secondKey).body())).hasSize(4);
    assertThat(second.stop()).isZero();
  }
}
