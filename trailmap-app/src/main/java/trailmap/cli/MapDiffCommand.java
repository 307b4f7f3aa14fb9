package trailmap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapDiff;
import trailmap.maps.MapDiffText;
import trailmap.maps.format.MapDiffJson;

/** {@code trailmap map diff OLD NEW [--json] [--exit-code]}. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two maps: what was added, removed, changed and moved, and the per-KPI gap.",
      "Works on two versions of a map or on a current and a future state. The gap is the new"
          + " map's target against the old map's measured value (else its target).",
      "Exit codes: 0 compared, 1 a map is invalid, 2 a file cannot be read,"
          + " 3 the maps differ (only with --exit-code)."
    })
final class MapDiffCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The old (or current-state) map.")
  Path oldFile;

  @Parameters(index = "1", paramLabel = "NEW", description = "The new (or future-state) map.")
  Path newFile;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(names = "--exit-code", description = "Exit 3 when the maps differ.")
  boolean exitCode;

  @Override
  public Integer call() throws JsonProcessingException {
    JourneyMap before;
    JourneyMap after;
    try {
      before = MapFiles.valid(oldFile);
      after = MapFiles.valid(newFile);
    } catch (MapFiles.Unusable e) {
      spec.commandLine().getErr().println("trailmap: " + e.getMessage());
      return e.exitCode();
    }
    MapDiff diff = MapDiff.between(before, after);
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(JSON.writeValueAsString(MapDiffJson.toTree(diff, before, after)));
    } else {
      out.print(MapDiffText.render(diff));
    }
    out.flush();
    return exitCode && diff.hasChanges() ? ExitCodes.DIFFERENT : ExitCodes.OK;
  }
}
