package trailmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code ./trailmap} launcher at the repository root as a user would, with the default
 * java (17 here) on PATH and no JAVA_HOME: it must find a JDK 21+ itself and run the packaged jar.
 */
class LauncherIT {
  static final Path LAUNCHER = Path.of("..", "trailmap").toAbsolutePath().normalize();

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  @Test
  void findsAJdkAndPrintsItsVersion() throws Exception {
    Run run = launch("--version");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("trailmap ").contains("Java 2");
  }

  @Test
  void validatesAMapFileWithFileLineColumnProblems() throws Exception {
    Path map = dir.resolve("m.yaml");
    Files.writeString(map, "id: m\nname: M\nstate: later\npersonas: []\nstages: []\n");

    Run run = launch("map", "validate", map.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains(map + ":3:8: 'state' must be one of current, future, was 'later'")
        .contains(map + ":4:11: the map needs at least one persona in 'personas'");
  }

  private Run launch(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().remove("JAVA_HOME");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("launcher finished").isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
