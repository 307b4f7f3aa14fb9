package trailmap.flows.runtime;

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
import java.util.concurrent.atomic.AtomicReference;
import trailmap.flows.channels.Signatures;

/**
 * A real HTTP server on 127.0.0.1 standing in for a webhook, SMS or push provider: it keeps every
 * request it receives (with the test clock's time), runs {@link #onRequest}, and answers 500 while
 * {@link #failuresLeft} counts down to zero, then {@link #answer}.
 */
public final class Receiver implements AutoCloseable {
  public record Request(
      Instant at,
      String method,
      String path,
      String contentType,
      String idempotencyKey,
      String signature,
      String userAgent,
      String body) {}

  public final List<Request> requests = new CopyOnWriteArrayList<>();
  public final AtomicInteger answer = new AtomicInteger(204);
  public final AtomicInteger failuresLeft = new AtomicInteger();
  public final AtomicReference<Runnable> onRequest = new AtomicReference<>(() -> {});
  private final HttpServer server;

  public Receiver(Clock clock) {
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
                  headers.getFirst(Signatures.HEADER),
                  headers.getFirst("User-Agent"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          onRequest.get().run();
          exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : answer.get(), -1);
          exchange.close();
        });
    server.start();
  }

  /** {@code http://127.0.0.1:PORT/path}. */
  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public List<Request> at(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** The body of each request, oldest first. */
  public List<String> bodies() {
    return requests.stream().map(Request::body).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
