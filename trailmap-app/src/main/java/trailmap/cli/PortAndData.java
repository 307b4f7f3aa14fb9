package trailmap.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --port} and {@code --data} options that {@code serve} and {@code demo} share. */
final class PortAndData {
  @Option(names = "--port", description = "Port to listen on (default 7070; 0 picks a free one).")
  Integer port;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory (default ./trailmap-data).")
  Path data;
}
