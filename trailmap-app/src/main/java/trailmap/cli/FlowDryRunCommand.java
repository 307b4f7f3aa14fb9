package trailmap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import trailmap.analytics.EventTable;
import trailmap.analytics.store.EventTables;
import trailmap.analytics.store.LoadOptions;
import trailmap.flows.Flow;
import trailmap.flows.Trigger;
import trailmap.flows.dryrun.DryRunInstants;
import trailmap.flows.dryrun.DryRunRules;
import trailmap.flows.dryrun.FlowDryRun;
import trailmap.flows.dryrun.TriggerHistories;
import trailmap.flows.format.FlowReadResult;
import trailmap.flows.format.FlowReader;
import trailmap.flows.runtime.FlowStore;
import trailmap.maps.JourneyMap;
import trailmap.segments.store.SegmentStore;
import trailmap.server.ProblemException;
import trailmap.server.ServerConfig;
import trailmap.server.StoredMaps;
import trailmap.server.StoredTriggerHistories;
import trailmap.store.Database;
import trailmap.store.MapStore;
import trailmap.store.StoreException;

/**
 * {@code trailmap flow dry-run FILE [--data DIR] [--config FILE] [--from ISO] [--to ISO] [--json]}.
 * With {@code --config} the simulated sends obey that server config's {@code messaging} rules, and
 * its {@code data} is the data directory unless {@code --data} names one; the answer says which
 * rules applied.
 */
@Command(
    name = "dry-run",
    mixinStandardHelpOptions = true,
    description = {
      "Replay the stored events of a data directory (the server must be stopped) through a flow"
          + " on simulated time and count what it would have done: entries, each step, sends,"
          + " suppressions by reason, quiet-hour deferrals, goals, exits, the holdout split."
          + " Nothing is sent (docs/flow-dry-run.md). Event triggers are replayed; schedule"
          + " triggers fire for each profile in its own time zone; touchpoint and stage triggers"
          + " are replayed against the latest version of their map stored in the data directory;"
          + " segment triggers from the segment's recorded entries (segments.db), API triggers"
          + " from the flow's logged calls (flows.db, kept 400 days).",
      "With --config, the simulated sends obey the messaging rules of the server's config file"
          + " (frequency caps, quiet hours, opt-in channels, global holdout), as the server's"
          + " dry-run endpoint does; without it only the flow's own rules apply. The answer says"
          + " which.",
      "Exit codes: 0 done, 1 invalid flow or range, 2 unusable input (no data, unreadable file,"
          + " a bad config file)."
    })
final class FlowDryRunCommand implements Callable<Integer> {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A YAML or JSON flow file.")
  Path file;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "The data directory of a stopped server (default: the config's data, else"
              + " ./trailmap-data).")
  Path data;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The server's YAML config (as given to serve --config): its messaging rules apply to the"
              + " simulated sends, and its data directory is used unless --data names one.")
  Path config;

  @Option(
      names = "--from",
      paramLabel = "ISO",
      description =
          "Start of the range (inclusive), e.g. 2026-02-01T00:00:00Z. Default: the first event.")
  String from;

  @Option(
      names = "--to",
      paramLabel = "ISO",
      description = "End of the range (exclusive). Default: just after the last event.")
  String to;

  @Option(names = "--json", description = "Print the answer as JSON (the API's document).")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      FlowReadResult read = FlowReader.read(file.toString(), MapFiles.text(file));
      if (read.flow().isEmpty()) {
        int more = read.problems().size() - 1;
        throw new MapFiles.Unusable(
            read.problems().getFirst()
                + (more > 0
                    ? " (and %d more; run 'trailmap flow validate %s')".formatted(more, file)
                    : ""),
            ExitCodes.INVALID);
      }
      Flow flow = read.flow().get();
      Optional<Instant> start = instant("--from", from);
      Optional<Instant> end = instant("--to", to);
      ServerConfig server = serverConfig();
      Path dir = server.dataDir();
      if (!Files.isDirectory(dir)) {
        throw new MapFiles.Unusable(dir + ": no such data directory; give serve's --data DIR");
      }
      DryRunRules rules =
          config == null
              ? DryRunRules.FLOW_ONLY
              : DryRunRules.fromConfig(server.messaging().policy(), config.toString());
      EventTable table = EventTables.load(dir, LoadOptions.all()).table();
      long seed = seed(dir);
      ObjectNode answer =
          withHistories(
              flow,
              dir,
              histories ->
                  FlowDryRun.run(
                      flow,
                      table,
                      start,
                      end,
                      rules,
                      seed,
                      mapId -> storedMap(dir, mapId),
                      histories));
      if (json) {
        out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
      } else {
        DryRunTable.print(answer, out);
      }
      out.flush();
      return ExitCodes.OK;
    } catch (MapFiles.Unusable e) {
      err.println("trailmap: " + e.getMessage());
      return e.exitCode();
    } catch (ProblemException e) {
      err.println("trailmap: " + e.problem().detail());
      return ExitCodes.INVALID;
    } catch (StoreException e) {
      err.println("trailmap: " + e.getMessage());
      return ExitCodes.UNUSABLE;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing a JSON tree cannot fail", e);
    }
  }

  /**
   * The server's seed of holdout and split assignment when it has run on {@code dir}, so the dry
   * run holds out the same profiles as live; else {@link FlowDryRun#DEFAULT_SEED}.
   */
  private static long seed(Path dir) {
    if (!Files.exists(dir.resolve("flows.db"))) {
      return FlowDryRun.DEFAULT_SEED;
    }
    try (FlowStore flows = FlowStore.open(dir, Clock.systemUTC())) {
      return flows.assignmentSeed();
    }
  }

  /**
   * Runs {@code dryRun} with the trigger history the flow's trigger needs from the data directory,
   * opening only that store, and only when the server made it: segments.db for a segment trigger,
   * flows.db for an api trigger.
   */
  private static ObjectNode withHistories(
      Flow flow, Path dir, Function<TriggerHistories, ObjectNode> dryRun) {
    switch (flow.trigger()) {
      case Trigger.SegmentEntered s when Files.exists(dir.resolve("segments.db")) -> {
        try (SegmentStore segments = SegmentStore.open(dir, Clock.systemUTC())) {
          return dryRun.apply(new StoredTriggerHistories(Optional.of(segments), Optional.empty()));
        }
      }
      case Trigger.Api a when Files.exists(dir.resolve("flows.db")) -> {
        try (FlowStore flows = FlowStore.open(dir, Clock.systemUTC())) {
          return dryRun.apply(new StoredTriggerHistories(Optional.empty(), Optional.of(flows)));
        }
      }
      default -> {
        return dryRun.apply(TriggerHistories.NONE);
      }
    }
  }

  /** The latest stored version of a map in the data directory, for touchpoint/stage triggers. */
  private static Optional<JourneyMap> storedMap(Path dir, String mapId) {
    if (!Files.exists(dir.resolve("trailmap.db"))) {
      return Optional.empty();
    }
    try (Database db = Database.open(dir)) {
      return new MapStore(db, Clock.systemUTC()).latest(mapId).map(StoredMaps::model);
    }
  }

  /** The config file over the defaults, {@code --data} winning over its {@code data}. */
  private ServerConfig serverConfig() throws MapFiles.Unusable {
    ServerConfig server;
    try {
      server = config == null ? ServerConfig.defaults() : ServerConfig.read(config);
    } catch (IllegalArgumentException e) {
      throw new MapFiles.Unusable(e.getMessage());
    }
    return data == null ? server : server.withDataDir(data);
  }

  private static Optional<Instant> instant(String option, String text) throws MapFiles.Unusable {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(DryRunInstants.parse(text));
    } catch (IllegalArgumentException e) {
      throw new MapFiles.Unusable(option + " '" + text + "' " + e.getMessage(), ExitCodes.INVALID);
    }
  }
}
