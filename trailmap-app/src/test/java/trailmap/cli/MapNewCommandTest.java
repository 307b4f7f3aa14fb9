package trailmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapNewCommandTest {
  @TempDir Path dir;

  @Test
  void writesATemplateThatValidates() {
    Path file = dir.resolve("bank.yaml");

    CliRun made =
        CliRun.of("map", "new", "--template", "bank", "--state", "future", "-o", file.toString());
    CliRun checked = CliRun.of("map", "validate", file.toString());

    assertThat(made.exitCode()).isZero();
    assertThat(made.out()).contains("wrote " + file + " (bank, future state)");
    assertThat(checked.exitCode()).isZero();
  }

  @Test
  void writesToStandardOutputWithoutAFile() {
    CliRun run = CliRun.of("map", "new", "--template", "saas");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("# Trailmap template").contains("\nid: saas-current\n");
  }

  @Test
  void namesTheKnownTemplatesForAnUnknownOne() {
    CliRun run =
        CliRun.of("map", "new", "--template", "sas", "-o", dir.resolve("x.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("trailmap: unknown template 'sas'; use one of saas, retail, bank");
    assertThat(dir.resolve("x.yaml")).doesNotExist();
  }

  @Test
  void refusesAnUnknownState() {
    CliRun run = CliRun.of("map", "new", "--template", "saas", "--state", "past");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--state must be current or future, was 'past'");
  }

  @Test
  void neverOverwritesAFileUnlessForced() throws IOException {
    Path file = Files.writeString(dir.resolve("mine.yaml"), "my work");

    CliRun refused = CliRun.of("map", "new", "--template", "retail", "-o", file.toString());

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("exists; choose another file or add --force");
    assertThat(Files.readString(file)).isEqualTo("my work");

    CliRun forced =
        CliRun.of("map", "new", "--template", "retail", "-o", file.toString(), "--force");
    assertThat(forced.exitCode()).isZero();
    assertThat(Files.readString(file)).contains("\nid: retail-current\n");
  }
}
