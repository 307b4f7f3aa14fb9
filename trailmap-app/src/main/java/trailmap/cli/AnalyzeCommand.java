package trailmap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import trailmap.analytics.EventTable;
import trailmap.analytics.api.Analyses;
import trailmap.analytics.api.AnalysisKind;
import trailmap.analytics.store.EventTables;
import trailmap.analytics.store.LoadOptions;
import trailmap.analytics.store.LoadedTable;
import trailmap.maps.JourneyMap;
import trailmap.segments.store.SegmentStore;
import trailmap.server.ProblemException;
import trailmap.server.StoredMaps;
import trailmap.store.Database;
import trailmap.store.MapStore;
import trailmap.store.StoreException;

/**
 * {@code trailmap analyze NAME --data DIR [--query FILE] [--map FILE|ID] [--json]}: one analysis on
 * a stopped server's data directory, with the same query document and answer as {@code POST
 * /api/analytics/NAME}.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Run an analysis on a data directory (the server must be stopped) and print the answer.",
      "NAME is one of: funnel, paths, discover, conformance, surveys, friction, compare,"
          + " hypotheses. The query is the same JSON document"
          + " POST /api/analytics/NAME takes (docs/analytics.md); the funnel also has a simple"
          + " form: --steps \"A,B,C\" --window 14d --order ordered.",
      "Exit codes: 0 answered, 1 the query is wrong, 2 unusable input (no data, unreadable"
          + " file, unknown map)."
    })
final class AnalyzeCommand implements Callable<Integer> {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The analysis.")
  String name;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "The data directory of a stopped server.")
  Path data;

  @Option(
      names = "--query",
      paramLabel = "FILE",
      description = "The query document (JSON); - reads standard input. Default: {}.")
  Path query;

  @Option(
      names = "--map",
      paramLabel = "FILE|ID",
      description = "A map file, or the id of a map stored in DIR, for touchpoint:ID and stage:ID.")
  String map;

  @Option(
      names = "--json",
      description = "Print the answer as JSON (the default for all but the funnel's table).")
  boolean json;

  @Option(
      names = "--format",
      paramLabel = "json|dot",
      description = "discover: dot draws the graph for Graphviz.")
  String format;

  @Option(names = "--steps", paramLabel = "A,B,C", description = "funnel: the steps' event names.")
  String steps;

  @Option(names = "--window", paramLabel = "14d", description = "funnel: the conversion window.")
  String window;

  @Option(
      names = "--order",
      paramLabel = "ordered|strict|unordered",
      description = "funnel: how steps follow.")
  String order;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<AnalysisKind> kind = AnalysisKind.fromWireName(name);
    if (kind.isEmpty()) {
      err.println(
          "trailmap: no analysis '"
              + name
              + "'; the analyses are "
              + String.join(", ", AnalysisKind.wireNames()));
      return ExitCodes.UNUSABLE;
    }
    try {
      ObjectNode document = document(kind.get());
      Optional<JourneyMap> journeyMap = map == null ? Optional.empty() : Optional.of(loadMap());
      if (!Files.isDirectory(data)) {
        throw new MapFiles.Unusable(data + ": no such data directory; give serve's --data DIR");
      }
      LoadedTable loaded = EventTables.load(data, LoadOptions.all());
      EventTable table = loaded.table();
      Analyses.Answer answer = run(kind.get(), document, table, journeyMap);
      switch (answer) {
        case Analyses.Answer.Dot dot -> out.print(dot.text());
        case Analyses.Answer.Json answered -> {
          if (kind.get() == AnalysisKind.FUNNEL && !json) {
            FunnelTable.print(answered.json(), out);
          } else {
            out.println(
                MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(answered.json()));
          }
        }
      }
      out.flush();
      return ExitCodes.OK;
    } catch (ProblemException e) {
      err.println("trailmap: " + e.problem().detail());
      return e.problem().status() == 404 ? ExitCodes.UNUSABLE : ExitCodes.INVALID;
    } catch (MapFiles.Unusable e) {
      err.println("trailmap: " + e.getMessage());
      return e.exitCode();
    } catch (StoreException e) {
      err.println("trailmap: " + e.getMessage());
      return ExitCodes.UNUSABLE;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing a JSON tree cannot fail", e);
    }
  }

  /**
   * Runs the analysis; {@code where.segment} counts the members the server last recorded in the
   * data directory's {@code segments.db}.
   */
  private Analyses.Answer run(
      AnalysisKind kind, ObjectNode document, EventTable table, Optional<JourneyMap> journeyMap) {
    if (!document.path("where").has("segment")) {
      return Analyses.run(kind, document, table, journeyMap);
    }
    if (!Files.exists(data.resolve("segments.db"))) {
      return Analyses.run(kind, document, table, journeyMap, id -> Optional.empty());
    }
    try (SegmentStore segments = SegmentStore.open(data, java.time.Clock.systemUTC())) {
      return Analyses.run(kind, document, table, journeyMap, segments::memberIds);
    }
  }

  /** The query: the file's document, with the simple funnel options laid over it. */
  private ObjectNode document(AnalysisKind kind) throws MapFiles.Unusable {
    ObjectNode document = query == null ? MAPPER.createObjectNode() : read(query);
    if (steps != null || window != null || order != null) {
      if (kind != AnalysisKind.FUNNEL) {
        throw new MapFiles.Unusable("--steps, --window and --order are funnel options");
      }
      if (steps != null) {
        ArrayNode list = document.putArray("steps");
        for (String step : steps.split(",")) {
          if (!step.isBlank()) {
            list.add(step.strip());
          }
        }
      }
      if (window != null) {
        document.put("window", window);
      }
      if (order != null) {
        document.put("order", order);
      }
    }
    if (format != null) {
      if (kind != AnalysisKind.DISCOVER) {
        throw new MapFiles.Unusable("--format is a discover option (json or dot)");
      }
      document.put("format", format);
    }
    return document;
  }

  private ObjectNode read(Path file) throws MapFiles.Unusable {
    try {
      byte[] bytes =
          file.toString().equals("-") ? System.in.readAllBytes() : Files.readAllBytes(file);
      JsonNode node = MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
      if (node == null || !node.isObject()) {
        throw new MapFiles.Unusable(file + ": the query must be a JSON object", ExitCodes.INVALID);
      }
      return (ObjectNode) node;
    } catch (NoSuchFileException e) {
      throw new MapFiles.Unusable(file + ": no such file");
    } catch (JsonProcessingException e) {
      throw new MapFiles.Unusable(
          file
              + ":"
              + e.getLocation().getLineNr()
              + ":"
              + e.getLocation().getColumnNr()
              + ": not valid JSON: "
              + e.getOriginalMessage(),
          ExitCodes.INVALID);
    } catch (IOException e) {
      throw new MapFiles.Unusable(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /** A map file when {@code --map} names one, else the map stored in the data directory. */
  private JourneyMap loadMap() throws MapFiles.Unusable {
    Path file = Path.of(map);
    if (Files.isRegularFile(file)) {
      return MapFiles.valid(file);
    }
    if (!Files.exists(data.resolve("trailmap.db"))) {
      throw new MapFiles.Unusable(map + ": no such map file, and " + data + " holds no maps");
    }
    try (Database db = Database.open(data)) {
      return new MapStore(db, java.time.Clock.systemUTC())
          .latest(map)
          .map(StoredMaps::model)
          .orElseThrow(
              () ->
                  new MapFiles.Unusable(
                      map + ": no such map file, and no map with that id in " + data));
    }
  }
}
