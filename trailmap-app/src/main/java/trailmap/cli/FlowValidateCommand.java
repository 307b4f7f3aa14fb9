package trailmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import trailmap.flows.format.FlowReadResult;
import trailmap.flows.format.FlowReader;
import trailmap.maps.format.MapProblem;

/** {@code trailmap flow validate FILE…}. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check flow files: one FILE:LINE:COL: message per problem, every problem of every file.",
      "Exit codes: 0 all valid, 1 problems found, 2 a file could not be read."
    })
final class FlowValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "YAML or JSON flow files.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int exit = ExitCodes.OK;
    for (Path file : files) {
      try {
        FlowReadResult result = FlowReader.read(file.toString(), MapFiles.text(file));
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
      out.println(files.size() == 1 ? files.getFirst() + ": valid" : files.size() + " flows valid");
    }
    out.flush();
    return exit;
  }
}
