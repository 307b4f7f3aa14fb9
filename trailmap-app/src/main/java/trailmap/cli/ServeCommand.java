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

  @CommandLine.Mixin PortAndData where;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML file with the server's settings: host, port, data, limits, identity rules, the"
              + " dedup window, SMTP and the messaging rules of flows"
              + " (every key is in docs/server.md).")
  Path config;

  @Override
  public Integer call() {
    return ServerOptions.resolve(config, where.port, where.data, spec.commandLine().getErr())
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
