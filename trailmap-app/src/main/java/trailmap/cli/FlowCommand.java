package trailmap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trailmap flow …}: work with flow files (validate, dry-run). */
@Command(
    name = "flow",
    mixinStandardHelpOptions = true,
    description = "Validate flow files and dry-run them on stored events.",
    subcommands = {FlowValidateCommand.class, FlowDryRunCommand.class})
final class FlowCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
