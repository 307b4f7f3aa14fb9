package trailmap.flows.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 standing in for a webhook, SMS or push provider: it keeps every
 * request it receives (with the test clock's time) and answers {@link #answer}.
 */
final class Receiver implements AutoCloseable {
  record Request(
      Instant at,
      String method,
      String path,
      String contentType,
      String idempotencyKey,
      String signature,
      String userAgent,
      String body) {}

  final List<Request> requests = new CopyOnWriteArrayList<>();
  final AtomicInteger answer = new AtomicInteger(204);
  private final HttpServer server;

  Receiver(Clock clock) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          var headers = exchange.getRequestHeaders();
          requests.add(
              new Request(
                  clock.instant(),
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  headers.getFirst("Content-Type"),
                  headers.getFirst("Idempotency-Key"),
                  headers.getFirst("Trailmap-Signature"),
                  headers.getFirst("User-Agent"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          exchange.sendResponseHeaders(answer.get(), -1);
          exchange.close();
        });
    server.start();
  }

  /** {@code http://127.0.0.1:PORT/path}. */
  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  List<Request> at(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
