package trailmap.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.javalin.util.JavalinBindException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;
import trailmap.server.ServerConfig;
import trailmap.server.TrailmapServer;
import trailmap.store.StoreException;

/**
 * Starts the server for {@code serve} and {@code demo}, prints where it listens, and blocks until
 * the process is stopped (Ctrl-C, SIGTERM) or the calling thread is interrupted (tests).
 */
final class ServerLauncher {
  /** Exit code when the server cannot start: port in use, unusable data directory or config. */
  static final int CANNOT_START = 2;

  private ServerLauncher() {}

  /** Prints the admin key issued because the store had none: the only time it is shown. */
  static void printFirstAdminKey(TrailmapServer server, PrintWriter out) {
    server
        .firstAdminKey()
        .ifPresent(
            key ->
                out.println(
                    "First admin API key (shown once, store it now; id "
                        + key.key().id()
                        + "): "
                        + key.secret()));
  }

  /**
   * @param afterStart runs once the server listens, before it blocks (e.g. loads demo maps and
   *     prints keys); it prints to {@code out}
   * @return the exit code: 0 after a clean stop, {@value #CANNOT_START} when it could not start
   */
  static int run(
      ServerConfig config, PrintWriter out, PrintWriter err, Consumer<TrailmapServer> afterStart) {
    raiseServerLogLevel();
    TrailmapServer server;
    try {
      server = TrailmapServer.start(config, Clock.systemUTC(), environmentAdminKey());
    } catch (JavalinBindException e) {
      err.println(
          "trailmap: port "
              + config.port()
              + " is already in use; stop the other process or choose another port with --port");
      return CANNOT_START;
    } catch (StoreException | IllegalArgumentException e) {
      err.println("trailmap: " + e.getMessage());
      return CANNOT_START;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean closing = new AtomicBoolean();
    Thread hook = new Thread(() -> stopQuietly(server, stopped, closing), "trailmap-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean interrupted = false;
    try {
      out.println("Trailmap is listening on " + server.uri());
      afterStart.accept(server);
      out.flush();
      stopped.await();
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      stopQuietly(server, stopped, closing);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting; the hook has run or is running.
      }
    }
    if (interrupted) {
      // Restored only now, so that stopping Jetty above was not cut short by the interrupt.
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** The value of {@code TRAILMAP_ADMIN_KEY}, when set and not blank. */
  static Optional<String> environmentAdminKey() {
    return Optional.ofNullable(System.getenv("TRAILMAP_ADMIN_KEY")).filter(k -> !k.isBlank());
  }

  private static void stopQuietly(
      TrailmapServer server, CountDownLatch stopped, AtomicBoolean closing) {
    // The shutdown hook and the main thread may both get here; only the first closes.
    if (closing.compareAndSet(false, true)) {
      stopped.countDown();
      server.close();
    }
  }

  /** The server logs its access log and startup at INFO; other commands stay at WARN. */
  private static void raiseServerLogLevel() {
    if (System.getenv("TRAILMAP_LOG_LEVEL") == null
        && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger("trailmap").setLevel(Level.INFO);
    }
  }
}
