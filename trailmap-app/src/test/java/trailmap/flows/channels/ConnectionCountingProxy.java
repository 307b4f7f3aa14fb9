package trailmap.flows.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A TCP proxy on 127.0.0.1 in front of a server (GreenMail in the tests) that counts the
 * connections clients open through it and how many are open now. Each accepted connection is
 * forwarded to {@code targetPort} as read at that moment; when either side closes, both do (so a
 * server going away closes the client's socket, as it would without the proxy).
 */
public final class ConnectionCountingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final IntSupplier targetPort;
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

  public ConnectionCountingProxy(IntSupplier targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("proxy-accept").start(this::accept);
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Connections accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  /** Connections accepted and not yet closed by either side. */
  public int open() {
    return open.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      accepted.incrementAndGet();
      open.incrementAndGet();
      Socket server;
      try {
        server = new Socket(InetAddress.getLoopbackAddress(), targetPort.getAsInt());
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
      } catch (IOException e) {
        // Nothing listens there (a server being restarted): the client sees its socket closed.
        quietly(client);
        open.decrementAndGet();
        continue;
      }
      sockets.add(client);
      sockets.add(server);
      AtomicBoolean closed = new AtomicBoolean();
      Runnable closeBoth =
          () -> {
            if (closed.compareAndSet(false, true)) {
              quietly(client);
              quietly(server);
              sockets.remove(client);
              sockets.remove(server);
              open.decrementAndGet();
            }
          };
      Thread.ofVirtual().start(() -> pump(client, server, closeBoth));
      Thread.ofVirtual().start(() -> pump(server, client, closeBoth));
    }
  }

  private static void pump(Socket from, Socket to, Runnable done) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // One side went away; both are closed below.
    } finally {
      done.run();
    }
  }

  private static void quietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Closing for good; nothing to do.
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : sockets) {
      quietly(s);
    }
  }
}
