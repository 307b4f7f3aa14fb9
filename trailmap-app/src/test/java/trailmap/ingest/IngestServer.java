package trailmap.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import trailmap.eventlog.MemoryEventLog;
import trailmap.events.Event;
import trailmap.server.ServerConfig;
import trailmap.server.TestServer;
import trailmap.server.TrailmapServer;

/**
 * A real server on 127.0.0.1 with an event log the test can read back, a clock fixed at {@link
 * #NOW}, and helpers to send collection calls.
 */
final class IngestServer implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");

  final MemoryEventLog log = new MemoryEventLog();
  final TrailmapServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  IngestServer(Path dir) {
    this(dir, IngestLimits.SEGMENT);
  }

  IngestServer(Path dir, IngestLimits limits) {
    ServerConfig config =
        ServerConfig.defaults().withPort(0).withDataDir(dir).withIngestLimits(limits);
    server =
        TrailmapServer.start(
            config, Clock.fixed(NOW, ZoneOffset.UTC), Optional.of(TestServer.ADMIN_KEY), log);
  }

  URI uri() {
    return server.uri();
  }

  /** A new source's write key. */
  String writeKey(String name, String channel) {
    return server.sources().create(name, channel).writeKey();
  }

  List<Event> events() {
    return log.read(0, Integer.MAX_VALUE).stream().map(e -> e.event()).toList();
  }

  static String basic(String writeKey) {
    return "Basic "
        + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
  }

  /** Posts JSON with the write key as the Basic user; an empty key sends no header. */
  HttpResponse<String> post(String path, String writeKey, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (!writeKey.isEmpty()) {
      request.header("Authorization", basic(writeKey));
    }
    return send(request.build());
  }

  /** Posts a gzipped body with {@code Content-Encoding: gzip}. */
  HttpResponse<String> postGzip(String path, String writeKey, byte[] plain) {
    return send(
        HttpRequest.newBuilder(uri().resolve(path))
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip")
            .header("Authorization", basic(writeKey))
            .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(plain)))
            .build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    server.close();
  }
}
