package trailmap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code trailmap} command line. Exit codes: 0 success, 1 the input was checked and found wrong
 * (e.g. an invalid map), 2 a usage error or unreadable input.
 */
@Command(
    name = "trailmap",
    mixinStandardHelpOptions = true,
    versionProvider = TrailmapVersion.class,
    description = "Customer journey maps, measured against what customers really do.",
    subcommands = {
      MapCommand.class,
      FlowCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      ImportCommand.class,
      GenerateCommand.class,
      AnalyzeCommand.class
    })
public final class Trailmap implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new Trailmap());
  }
}
