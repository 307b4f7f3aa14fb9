package trailmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTest {

  @Test
  void everyCommandHasHelpWithADescription() {
    List<String> paths = new ArrayList<>();
    collect(Trailmap.newCommandLine(), List.of(), paths);
    assertThat(paths).contains("map validate", "map render", "map new");

    for (String path : paths) {
      List<String> args = new ArrayList<>(path.isEmpty() ? List.of() : List.of(path.split(" ")));
      args.add("--help");
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(path).isZero();
      assertThat(run.out()).as(path).startsWith("Usage: trailmap").contains("-h, --help");
    }
  }

  @Test
  void printsItsVersion() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("trailmap ").contains("Java ");
  }

  private static void collect(CommandLine cl, List<String> prefix, List<String> into) {
    into.add(String.join(" ", prefix));
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> next = new ArrayList<>(prefix);
              next.add(name);
              collect(sub, next, into);
            });
  }
}
