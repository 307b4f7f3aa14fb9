package trailmap.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import trailmap.demo.DemoJourneys;
import trailmap.eventlog.EventLog;
import trailmap.eventlog.EventLogException;
import trailmap.eventlog.FileEventLog;
import trailmap.generate.DemoDataWriter;
import trailmap.generate.GenerationSummary;
import trailmap.importer.ImportProgress;
import trailmap.server.ServerConfig;
import trailmap.server.TrailmapServer;

/** {@code trailmap generate --profiles N [--seed S] [--end INSTANT] (-o FILE | --data DIR)}. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate demo journeys for the saas, retail and bank templates across ten channels, with",
      "surveys and planted frictions (see docs/demo-data.md). The same seed and end give the",
      "same events, byte for byte. Write JSON Lines of Segment calls (-o, gzipped for .gz) that",
      "trailmap import takes, or append straight to a STOPPED server's event log (--data).",
      "Progress goes to stderr, the summary to stdout. Exit codes: 0 generated, 2 unusable",
      "options or output (a bad --end, an unwritable file, a data directory in use)."
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--profiles",
      required = true,
      paramLabel = "N",
      description = "How many profiles (people) to generate; about 8 events each.")
  long profiles;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed of the random journeys (default: 1).")
  long seed = 1;

  @Option(
      names = "--end",
      paramLabel = "INSTANT",
      description =
          "Every event comes before this ISO-8601 instant, spread over the 90 days before it"
              + " (default: 2026-03-01T00:00:00Z).")
  String end = DemoJourneys.DEFAULT_END.toString();

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write JSON Lines here (gzipped when the name ends in .gz).")
    Optional<Path> output;

    @Option(
        names = "--data",
        paramLabel = "DIR",
        description = "Data directory of a STOPPED server; events go to DIR/eventlog/.")
    Optional<Path> data;
  }

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The server's YAML config; with --data its dedupWindow is used, as for import.")
  Optional<Path> config;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (profiles < 0) {
      return unusable(err, "--profiles must be 0 or more, was " + profiles);
    }
    Instant endAt;
    try {
      endAt = Instant.parse(end);
    } catch (DateTimeParseException e) {
      return unusable(
          err, "--end '" + end + "' is not an ISO-8601 instant like 2026-03-01T00:00:00Z");
    }
    DemoJourneys journeys = new DemoJourneys(seed, endAt);
    ImportProgress.Measure measure =
        new ImportProgress.Measure("generate", profiles, " profiles", 1, "events");
    GenerationSummary summary;
    try (ImportProgress progress = ImportProgress.auto(measure, err)) {
      if (target.output.isPresent()) {
        summary = toFile(target.output.get(), journeys, progress);
      } else {
        summary = toData(target.data.get(), journeys, progress);
      }
    } catch (IOException e) {
      return unusable(err, "cannot write " + target.output.orElseThrow() + ": " + e.getMessage());
    } catch (EventLogException | IllegalArgumentException e) {
      return unusable(err, e.getMessage());
    }
    report(summary, out);
    return ExitCodes.OK;
  }

  private GenerationSummary toFile(Path file, DemoJourneys journeys, ImportProgress progress)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        OutputStream stream =
            file.getFileName().toString().endsWith(".gz")
                ? new GZIPOutputStream(raw, 1 << 16)
                : raw) {
      return DemoDataWriter.toJsonLines(stream, journeys, profiles, progress);
    }
  }

  private GenerationSummary toData(Path dataDir, DemoJourneys journeys, ImportProgress progress) {
    ServerConfig server = config.map(ServerConfig::read).orElse(ServerConfig.defaults());
    Path logDir = dataDir.resolve(TrailmapServer.EVENT_LOG_DIR);
    EventLog log;
    try {
      log = FileEventLog.open(logDir, TrailmapServer.eventLogOptions(server, Clock.systemUTC()));
    } catch (EventLogException e) {
      throw new EventLogException(
          e.getMessage()
              + " (generating into --data needs the server stopped; or use -o FILE"
              + " and trailmap import --url)",
          e);
    }
    try (log) {
      return DemoDataWriter.toLog(log, journeys, profiles, progress);
    }
  }

  private static void report(GenerationSummary s, PrintWriter out) {
    out.printf(
        "%,d profiles, %,d events (%,d stored, %,d duplicates) in %.1f s, %,.0f events/s%n",
        s.profiles(),
        s.events(),
        s.stored(),
        s.duplicates(),
        s.took().toMillis() / 1000.0,
        s.eventsPerSecond());
    StringBuilder templates = new StringBuilder("  profiles by template:");
    s.byTemplate().forEach((t, n) -> templates.append(String.format(" %s %,d", t, n)));
    out.println(templates);
    StringBuilder channels = new StringBuilder("  events by channel:");
    s.byChannel().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .forEach(c -> channels.append(String.format(" %s %,d", c.getKey(), c.getValue())));
    out.println(channels);
    out.flush();
  }

  private static int unusable(PrintWriter err, String message) {
    err.println("trailmap generate: " + message);
    err.flush();
    return ExitCodes.UNUSABLE;
  }
}
