package trailmap.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import trailmap.access.Role;
import trailmap.eventlog.EventLog;

/**
 * A real server on 127.0.0.1 and a random port, on a store in a temp directory, with one API key
 * per role and a plain HTTP client. For tests in every package.
 */
public final class TestServer implements AutoCloseable {
  /** The admin key given as TRAILMAP_ADMIN_KEY would be. */
  public static final String ADMIN_KEY = "tm_test-admin-key-0123456789abcdefghij";

  private final TrailmapServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final Map<Role, String> keys = new EnumMap<>(Role.class);

  private TestServer(TrailmapServer server) {
    this.server = server;
    keys.put(Role.ADMIN, ADMIN_KEY);
  }

  public static TestServer start(Path dataDir) {
    return start(dataDir, Clock.systemUTC(), ServerConfig.DEFAULT_MAX_MAP_BYTES);
  }

  /**
   * A server whose {@code /v1} appends to {@code log} instead of the durable log in {@code
   * dataDir}; nothing follows the log until the test calls {@code followEvents}.
   */
  public static TestServer start(Path dataDir, EventLog log) {
    ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(dataDir);
    return new TestServer(
        TrailmapServer.start(config, Clock.systemUTC(), Optional.of(ADMIN_KEY), log));
  }

  public static TestServer start(Path dataDir, Clock clock, long maxMapBytes) {
    ServerConfig config =
        ServerConfig.defaults().withPort(0).withDataDir(dataDir).withMaxMapBytes(maxMapBytes);
    return new TestServer(TrailmapServer.start(config, clock, Optional.of(ADMIN_KEY)));
  }

  /** A client for a server the test started itself; closing it closes the server. */
  public static TestServer wrap(TrailmapServer server) {
    return new TestServer(server);
  }

  public TrailmapServer server() {
    return server;
  }

  public URI uri() {
    return server.uri();
  }

  /** A key with exactly this role (issued on first use). */
  public String key(Role role) {
    return keys.computeIfAbsent(role, r -> server.keys().issue(r, "test " + r).secret());
  }

  public HttpResponse<String> get(String path, String key) {
    return send("GET", path, key, "", "");
  }

  public HttpResponse<String> post(String path, String key, String contentType, String body) {
    return send("POST", path, key, contentType, body);
  }

  public HttpResponse<String> put(String path, String key, String contentType, String body) {
    return send("PUT", path, key, contentType, body);
  }

  /**
   * Sends a request.
   *
   * @param key the bearer key; empty sends no Authorization header
   * @param contentType empty sends none
   */
  public HttpResponse<String> send(
      String method, String path, String key, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri().resolve(path))
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (!key.isEmpty()) {
      request.header("Authorization", "Bearer " + key);
    }
    if (!contentType.isEmpty()) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return client.send(request, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Posts {@code calls} (each a Segment call as JSON) to {@code /v1/batch} with a source's write
   * key as the Basic user, as the client libraries do, and answers the server's answer.
   */
  public HttpResponse<String> batch(String writeKey, java.util.List<String> calls) {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString((writeKey + ":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return send(
        request("/v1/batch")
            .header("Content-Type", "application/json")
            .header("Authorization", "Basic " + basic)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"batch\": [" + String.join(",", calls) + "]}"))
            .build());
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri().resolve(path));
  }

  @Override
  public void close() {
    server.close();
  }

  /** A small valid map in YAML. */
  public static String mapYaml(String id, String name, String stageName) {
    return """
        id: %s
        name: %s
        state: current
        owner: CX team
        reviewBy: 2027-01-31
        personas:
          - id: sam
            name: Sam
        stages:
          - id: buy
            name: %s
            touchpoints:
              - id: cart
                name: Cart
                channel: web
                emotion: {score: -1, label: unsure}
        """
        .formatted(id, name, stageName);
  }
}
