package trailmap.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code trailmap serve} in a new JVM on this test's class path, for tests that kill -9 the server
 * ({@link Process#destroyForcibly} is SIGKILL on Linux: no shutdown hook, no flush).
 */
public final class ServerProcess {
  private ServerProcess() {}

  /**
   * Starts the server and waits until it says it listens.
   *
   * @param stderr where the server's log goes (read in the failure message when it does not start)
   * @param environment added to this JVM's environment, e.g. {@code TRAILMAP_ADMIN_KEY}
   */
  public static Process start(Path data, int port, Path stderr, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "trailmap.cli.Trailmap",
                "serve",
                "--port",
                Integer.toString(port),
                "--data",
                data.toString())
            .redirectError(stderr.toFile());
    builder.environment().put("TRAILMAP_LOG_LEVEL", "WARN");
    builder.environment().putAll(environment);
    Process process = builder.start();
    CountDownLatch listening = new CountDownLatch(1);
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith("Trailmap is listening on ")) {
                    listening.countDown();
                  }
                }
              } catch (IOException e) {
                // The pipe breaks when the server is killed.
              }
            });
    if (!listening.await(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the server did not start: " + Files.readString(stderr));
    }
    return process;
  }

  /** SIGTERM, then SIGKILL if it does not stop within 20 seconds. */
  public static void stop(Process server) throws InterruptedException {
    server.destroy();
    if (!server.waitFor(20, TimeUnit.SECONDS)) {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
