package trailmap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trailmap serve}: the HTTP API and web UI on the embedded store. Exit codes: 0 after a
 * clean stop, 2 when it cannot start (port in use, bad config, unusable data directory).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the Trailmap server (HTTP API, web UI, /metrics, /health) on an embedded store.",
      "On first start it prints an admin API key once; set TRAILMAP_ADMIN_KEY to choose it instead."
    })
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", description = "Port to listen on (default 7070; 0 picks a free one).")
  Integer port;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory (default ./trailmap-data).")
  Path data;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML file with host, port, data, maxMapBytes, maxEventBytes, maxBatchBytes,"
              + " maxBatchEvents (see docs/server.md).")
  Path config;

  @Override
  public Integer call() {
    return ServerOptions.resolve(config, port, data, spec.commandLine().getErr())
        .map(
            resolved ->
                ServerLauncher.run(
                    resolved,
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr(),
                    server ->
                        ServerLauncher.printFirstAdminKey(server, spec.commandLine().getOut())))
        .orElse(ServerLauncher.CANNOT_START);
  }
}
