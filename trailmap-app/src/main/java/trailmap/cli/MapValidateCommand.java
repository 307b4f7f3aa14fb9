package trailmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import trailmap.maps.format.MapProblem;
import trailmap.maps.format.MapReadResult;

/** {@code trailmap map validate FILE…}. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check map files: one FILE:LINE:COL: message per problem, every problem of every file.",
      "Exit codes: 0 all valid, 1 problems found, 2 a file could not be read."
    })
final class MapValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "YAML or JSON map files.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int exit = ExitCodes.OK;
    for (Path file : files) {
      try {
        MapReadResult result = MapFiles.read(file);
        for (MapProblem problem : result.problems()) {
          out.println(problem);
        }
        if (!result.isValid()) {
          exit = Math.max(exit, ExitCodes.INVALID);
        }
      } catch (MapFiles.Unusable e) {
        err.println("trailmap: " + e.getMessage());
        exit = ExitCodes.UNUSABLE;
      }
    }
    if (exit == ExitCodes.OK) {
      out.println(files.size() == 1 ? files.getFirst() + ": valid" : files.size() + " maps valid");
    }
    out.flush();
    return exit;
  }
}
