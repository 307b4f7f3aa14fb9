package trailmap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trailmap map …}: work with journey map files. */
@Command(
    name = "map",
    mixinStandardHelpOptions = true,
    description = "Validate, create, render and compare journey map files.",
    subcommands = {
      MapValidateCommand.class,
      MapNewCommand.class,
      MapRenderCommand.class,
      MapDiffCommand.class
    })
final class MapCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
