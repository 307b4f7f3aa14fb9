package trailmap.flows.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import trailmap.eventlog.MemoryEventLog;
import trailmap.flows.channels.SmtpSettings;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.runtime.FlowRuntime;
import trailmap.flows.runtime.FlowSettings;
import trailmap.flows.runtime.MessagingConfig;
import trailmap.flows.runtime.SettableClock;
import trailmap.profiles.ProfileProcessor;
import trailmap.server.ServerConfig;
import trailmap.server.TestServer;
import trailmap.server.TrailmapServer;

/**
 * A real server for the flows API tests: GreenMail as its SMTP server, a settable clock, events
 * posted through {@code /v1/batch} with a source's write key, and {@link #settle} to wait until
 * profiles and flows have handled everything.
 */
final class FlowApiHarness implements AutoCloseable {
  static final Path EXAMPLES = Path.of("..", "examples", "flows");
  static final Duration WAIT = Duration.ofSeconds(30);
  static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger MESSAGE_IDS = new AtomicInteger();

  final SettableClock clock;
  final MemoryEventLog log = new MemoryEventLog();
  final TrailmapServer server;
  private final ProfileProcessor processor;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String writeKey;

  FlowApiHarness(Path dir, int smtpPort, SettableClock clock, MessagePolicy policy) {
    this(dir, smtpPort, clock, UnaryOperator.identity(), s -> s.withPolicy(policy));
  }

  /**
   * With the {@code messaging} section of a config file, as {@code trailmap serve --config FILE}
   * reads it: its rules, providers and retries reach the runtime unchanged.
   */
  static FlowApiHarness withConfig(Path dir, int smtpPort, SettableClock clock, Path configFile) {
    MessagingConfig messaging = ServerConfig.read(configFile).messaging();
    return new FlowApiHarness(
        dir, smtpPort, clock, c -> c.withMessaging(messaging), UnaryOperator.identity());
  }

  FlowApiHarness(
      Path dir,
      int smtpPort,
      SettableClock clock,
      UnaryOperator<ServerConfig> configure,
      UnaryOperator<FlowSettings> tune) {
    this.clock = clock;
    ServerConfig config =
        configure.apply(
            ServerConfig.defaults()
                .withPort(0)
                .withDataDir(dir)
                .withSmtp(
                    SmtpSettings.parse(
                        "smtp://127.0.0.1:" + smtpPort + "?from=hello@trailmap.test")));
    server = TrailmapServer.start(config, clock, Optional.of(TestServer.ADMIN_KEY), log);
    processor = server.followEvents(log, tune);
    writeKey = server.sources().create("web", "web").writeKey();
  }

  /**
   * A server on 2026-03-02 10:00 UTC without caps or quiet hours, with examples/flows/welcome.yaml
   * published and both its email templates stored.
   */
  static FlowApiHarness withWelcomeFlow(Path dir, int smtpPort) {
    FlowApiHarness api =
        new FlowApiHarness(
            dir,
            smtpPort,
            new SettableClock(Instant.parse("2026-03-02T10:00:00Z")),
            MessagePolicy.PERMISSIVE);
    api.template("welcome", "<p>Welcome</p>");
    api.template("onboarding-tips", "<p>Tips</p>");
    api.publish(example("welcome.yaml"));
    return api;
  }

  static String example(String file) {
    try {
      return Files.readString(EXAMPLES.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An API call with the admin key. */
  HttpResponse<String> call(String method, String path, String contentType, String body) {
    return call(method, path, TestServer.ADMIN_KEY, contentType, body);
  }

  HttpResponse<String> call(
      String method, String path, String key, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri().resolve(path))
            .header("Authorization", "Bearer " + key)
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (!contentType.isEmpty()) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Calls and expects {@code status}; answers the body as JSON (or null for an empty body). */
  JsonNode expect(int status, String method, String path, String contentType, String body) {
    HttpResponse<String> response = call(method, path, contentType, body);
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(status);
    return response.body().isEmpty() ? null : json(response);
  }

  /** Signs in to the web UI with the admin key; answers the session cookie to send. */
  String signIn() {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(server.uri().resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "key=" + URLEncoder.encode(TestServer.ADMIN_KEY, StandardCharsets.UTF_8)))
                .build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
    String header = response.headers().firstValue("Set-Cookie").orElseThrow();
    return header.substring(0, header.indexOf(';'));
  }

  /** A web UI page, with the session {@code cookie}. */
  HttpResponse<String> page(String path, String cookie) {
    return send(
        HttpRequest.newBuilder(server.uri().resolve(path)).header("Cookie", cookie).build());
  }

  void template(String name, String html) {
    expect(204, "PUT", "/api/templates/" + name, "text/html", html);
  }

  /** Creates and publishes a flow from YAML. */
  void publish(String yaml) {
    JsonNode created = expect(201, "POST", "/api/flows", "application/yaml", yaml);
    expect(200, "POST", "/api/flows/" + created.get("id").asText() + "/publish", "", "");
  }

  /** Posts the calls as one {@code /v1/batch} and waits until flows handled them. */
  void batch(ArrayNode calls) throws InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.set("batch", calls);
    String auth =
        Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(server.uri().resolve("/v1/batch"))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    settle();
  }

  ArrayNode calls() {
    return JSON.createArrayNode();
  }

  void identify(ArrayNode calls, String user, Map<String, String> traits) {
    ObjectNode call = base(calls, "identify", user);
    ObjectNode t = call.putObject("traits");
    traits.forEach(t::put);
  }

  void track(ArrayNode calls, String user, String event) {
    base(calls, "track", user).put("event", event);
  }

  private ObjectNode base(ArrayNode calls, String type, String user) {
    return calls
        .addObject()
        .put("type", type)
        .put("userId", user)
        .put("messageId", "api-" + MESSAGE_IDS.incrementAndGet())
        .put("timestamp", clock.instant().toString());
  }

  /** A new trial: identify with an email, then Trial Started. */
  void newTrials(String... users) throws InterruptedException {
    ArrayNode calls = calls();
    for (String user : users) {
      identify(calls, user, Map.of("email", user + "@example.com", "firstName", user));
      track(calls, user, "Trial Started");
    }
    batch(calls);
  }

  void advance(Duration by) throws InterruptedException {
    clock.advance(by);
    settle();
  }

  void settle() throws InterruptedException {
    FlowRuntime runtime = server.flowRuntime().orElseThrow();
    for (int i = 0; i < 3; i++) {
      assertThat(processor.awaitPosition(log.end(), WAIT)).isTrue();
      assertThat(runtime.awaitIdle(WAIT)).isTrue();
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
