package trailmap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import trailmap.maps.MapState;
import trailmap.maps.templates.MapTemplates;

/** {@code trailmap map new --template saas|retail|bank [--state current|future] -o FILE}. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Write a new map from a template.",
      "Templates: saas (B2B SaaS accounting, persona Alex), retail (store, online, returns,"
          + " loyalty) or bank (account opening), each in current or future state.",
      "Exit codes: 0 written, 2 unknown template or the file cannot be written."
    })
final class MapNewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--template",
      required = true,
      paramLabel = "NAME",
      description = "One of: saas, retail, bank.")
  String template;

  @Option(
      names = "--state",
      defaultValue = "current",
      paramLabel = "STATE",
      description = "current (default) or future.")
  String state;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Where to write the YAML; standard output when absent.")
  Path output;

  @Option(names = "--force", description = "Overwrite FILE if it exists.")
  boolean force;

  @Override
  public Integer call() {
    MapState mapState;
    try {
      mapState = MapState.valueOf(state.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return fail("--state must be current or future, was '" + state + "'");
    }
    String yaml;
    try {
      yaml = MapTemplates.yaml(template, mapState);
    } catch (IllegalArgumentException e) {
      return fail(e.getMessage());
    }
    if (output == null) {
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
    if (Files.exists(output) && !force) {
      return fail(output + " exists; choose another file or add --force");
    }
    try {
      Files.writeString(output, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return fail("cannot write " + output + " (" + e.getMessage() + ")");
    }
    spec.commandLine()
        .getOut()
        .printf("wrote %s (%s, %s state)%n", output, template, mapState.wireName());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private int fail(String reason) {
    spec.commandLine().getErr().println("trailmap: " + reason);
    return ExitCodes.UNUSABLE;
  }
}
