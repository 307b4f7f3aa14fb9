package trailmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowValidateCommandTest {
  @TempDir Path dir;

  @Test
  void exitsZeroForTheShippedExamples() {
    CliRun run =
        CliRun.of(
            "flow",
            "validate",
            "../examples/flows/welcome.yaml",
            "../examples/flows/pricing-abandonment.yaml",
            "../examples/flows/support-follow-up.yaml",
            "../examples/flows/weekly-digest.yaml");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("4 flows valid");
  }

  @Test
  void printsProblemsAsFileLineColumnAndExitsOne() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "id: f\nname: F\ntriger: {event: Go}\nsteps: [{id: a, wait: 1h}]\n");
    CliRun run = CliRun.of("flow", "validate", bad.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines().toList())
        .containsExactly(
            bad + ":1:1: flow is missing required field 'trigger'",
            bad + ":3:1: unknown field 'triger' in flow (did you mean 'trigger'?)");
  }

  @Test
  void exitsTwoForAMissingFile() {
    CliRun run = CliRun.of("flow", "validate", dir.resolve("none.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no such file");
  }
}
