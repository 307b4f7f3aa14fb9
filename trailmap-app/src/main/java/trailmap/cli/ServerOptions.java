package trailmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import trailmap.flows.channels.SmtpSettings;
import trailmap.server.ServerConfig;

/** Merges {@code --config FILE} with {@code --port} and {@code --data}; the options win. */
final class ServerOptions {
  private ServerOptions() {}

  /** The config, or empty after printing one line saying what is wrong. */
  static Optional<ServerConfig> resolve(Path file, Integer port, Path data, PrintWriter err) {
    try {
      ServerConfig config = file == null ? ServerConfig.defaults() : ServerConfig.read(file);
      if (port != null) {
        config = config.withPort(port);
      }
      if (data != null) {
        config = config.withDataDir(data);
      }
      String smtp = System.getenv("TRAILMAP_SMTP_URL");
      if (smtp != null && !smtp.isBlank()) {
        try {
          config = config.withSmtp(SmtpSettings.parse(smtp));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("TRAILMAP_SMTP_URL: " + e.getMessage(), e);
        }
      }
      return Optional.of(config);
    } catch (IllegalArgumentException e) {
      err.println("trailmap: " + e.getMessage());
      return Optional.empty();
    }
  }
}
