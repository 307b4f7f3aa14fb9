package trailmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import trailmap.eventlog.EventLog;
import trailmap.eventlog.EventLogOptions;
import trailmap.eventlog.FileEventLog;
import trailmap.importer.ColumnMapping;
import trailmap.importer.ImportFormat;
import trailmap.importer.ImportProgress;
import trailmap.importer.ImportRunner;
import trailmap.importer.ImportSummary;
import trailmap.importer.Rejection;
import trailmap.importer.UnusableInputException;
import trailmap.server.ServerConfig;
import trailmap.server.TrailmapServer;

/** {@code trailmap import FILE… (--data DIR | --url URL --write-key K)}. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import events from JSON Lines (Segment calls), CSV or XES files, plain or gzipped:",
      "offline into a stopped server's data directory (--data), or through the API (--url).",
      "Records without a messageId get one derived from the file name and line number,",
      "so importing a file again stores nothing twice. See docs/import.md.",
      "Progress goes to stderr, the summary to stdout. Exit codes: 0 all imported",
      "(duplicates included), 1 some records rejected or the import stopped early,",
      "2 unusable input (missing file, unknown format, bad --map); nothing imported."
    })
final class ImportCommand implements Callable<Integer> {
  static final int SHOWN_REJECTIONS = 20;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import, in order.")
  List<Path> files;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(
        names = "--data",
        paramLabel = "DIR",
        description = "Data directory of a STOPPED server; events go to DIR/eventlog/.")
    Optional<Path> data;

    @ArgGroup(exclusive = false)
    Remote remote;
  }

  static final class Remote {
    @Option(names = "--url", required = true, paramLabel = "URL", description = "Server URL.")
    URI url;

    @Option(
        names = "--write-key",
        required = true,
        paramLabel = "KEY",
        description = "A source's write key (sent as the basic-auth user).")
    String writeKey;
  }

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "jsonl, csv or xes, for every file (default: by extension).")
  Optional<String> format;

  @Option(
      names = "--map",
      paramLabel = "FIELD=COLUMN,…",
      description =
          "CSV columns for userId, anonymousId, event, timestamp, messageId, type, channel.")
  Optional<String> map;

  @Option(
      names = "--channel",
      paramLabel = "NAME",
      description =
          "Channel of events naming none (default: import offline; over --url the source's channel).")
  Optional<String> channel;

  @Option(
      names = "--errors",
      paramLabel = "FILE",
      description = "Write every rejection here, one per line.")
  Optional<Path> errors;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The server's YAML config; an offline import (--data) uses its dedupWindow, so a"
              + " re-import is recognised exactly as the server would.")
  Optional<Path> config;

  @Option(
      names = "--retries",
      paramLabel = "N",
      description = "Tries per batch over HTTP (default: 8).")
  int retries = 8;

  private final BiFunction<Path, EventLogOptions, EventLog> openLog;

  /** The command with the real file event log. */
  ImportCommand() {
    this(FileEventLog::open);
  }

  /** The command with another way to open the log of a data directory (tests). */
  ImportCommand(BiFunction<Path, EventLogOptions, EventLog> openLog) {
    this.openLog = openLog;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      ImportRunner.Options options =
          new ImportRunner.Options(
              format.map(
                  f ->
                      ImportFormat.named(f)
                          .orElseThrow(
                              () ->
                                  new UnusableInputException(
                                      "--format " + f + ": use jsonl, csv or xes"))),
              map.map(ColumnMapping::parse).orElse(ColumnMapping.none()),
              channel);
      long totalBytes = 0;
      for (Path f : files) {
        if (!Files.isRegularFile(f)) {
          throw new UnusableInputException(f + ": no such file");
        }
        totalBytes += Files.size(f);
      }
      ImportRunner runner =
          target.data.isPresent()
              ? ImportRunner.toLog(
                  openLog(target.data.get().resolve(TrailmapServer.EVENT_LOG_DIR), logOptions()),
                  options)
              : ImportRunner.toHttp(
                  target.remote.url,
                  target.remote.writeKey,
                  options,
                  retries,
                  Duration.ofMillis(500));
      ImportSummary summary;
      try (RejectionFile errorFile = RejectionFile.open(errors)) {
        summary = runner.run(files, ImportProgress.auto(totalBytes, err), errorFile::write);
      }
      report(summary, out);
      out.flush();
      return summary.complete() ? ExitCodes.OK : ExitCodes.INVALID;
    } catch (UnusableInputException e) {
      err.println("trailmap import: " + e.getMessage());
      err.flush();
      return ExitCodes.UNUSABLE;
    } catch (IOException | UncheckedIOException e) {
      err.println("trailmap import: " + e.getMessage());
      err.flush();
      return ExitCodes.UNUSABLE;
    }
  }

  private void report(ImportSummary summary, PrintWriter out) {
    out.printf(
        "%,d accepted, %,d duplicates, %,d rejected%n",
        summary.accepted(), summary.duplicates(), summary.rejected());
    for (Rejection r : summary.firstRejections()) {
      out.println("  " + r);
    }
    long more = summary.rejected() - summary.firstRejections().size();
    if (more > 0) {
      out.printf(
          "  … and %,d more%s%n",
          more,
          errors.isPresent()
              ? " (all in " + errors.get() + ")"
              : "; use --errors FILE to keep them all");
    }
    summary.aborted().ifPresent(why -> out.println("stopped early: " + why));
  }

  /** The options the server would open the log with, by its {@code --config}. */
  private EventLogOptions logOptions() {
    try {
      ServerConfig server = config.map(ServerConfig::read).orElse(ServerConfig.defaults());
      return TrailmapServer.eventLogOptions(server, Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      throw new UnusableInputException(e.getMessage());
    }
  }

  private EventLog openLog(Path dir, EventLogOptions logOptions) {
    try {
      return openLog.apply(dir, logOptions);
    } catch (UnusableInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UnusableInputException(
          e.getMessage() + " (an offline import needs the server stopped; or import with --url)");
    }
  }
}
