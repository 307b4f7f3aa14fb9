package trailmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapDiffCommandTest {
  @TempDir Path dir;

  Path template(String name, String state) {
    Path file = dir.resolve(name + "-" + state + ".yaml");
    assertThat(
            CliRun.of("map", "new", "--template", name, "--state", state, "-o", file.toString())
                .exitCode())
        .isZero();
    return file;
  }

  @Test
  void showsChangesAndTheKpiGapBetweenCurrentAndFutureAsText() {
    CliRun run =
        CliRun.of(
            "map",
            "diff",
            template("saas", "current").toString(),
            template("saas", "future").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("~ map: state current → future")
        .contains("~ map: improves (none) → saas-current")
        .containsPattern("(?m)^\\+ stage '[a-z-]+' › touchpoint '[a-z0-9-]+'")
        .containsPattern("(?m)^- stage '[a-z-]+' › touchpoint '[a-z0-9-]+'")
        .containsPattern("(?m)^KPI +where +now +target +gap$")
        .contains("✓");
  }

  @Test
  void answersJsonWithChangesSummaryAndKpiGaps() throws Exception {
    CliRun run =
        CliRun.of(
            "map",
            "diff",
            "--json",
            template("bank", "current").toString(),
            template("bank", "future").toString());

    assertThat(run.exitCode()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.at("/from/id").asText()).isEqualTo("bank-current");
    assertThat(json.at("/to/state").asText()).isEqualTo("future");
    assertThat(json.at("/summary/added").asInt()).isPositive();
    assertThat(json.get("changes")).isNotEmpty();
    assertThat(json.at("/changes/0/kind").asText()).isIn("added", "removed", "changed", "moved");
    JsonNode gap = json.at("/kpiGaps/0");
    assertThat(gap.get("presence").asText()).isEqualTo("both");
    assertThat(gap.get("gap").asDouble())
        .isEqualTo(
            gap.get("after").asDouble() - gap.get("before").asDouble(),
            org.assertj.core.data.Offset.offset(1e-9));
    assertThat(gap.get("improves").asBoolean()).isTrue();
  }

  @Test
  void saysNoDifferencesForTheSameMapAndExitCodeReportsDifferences() {
    Path current = template("retail", "current");
    Path future = template("retail", "future");

    CliRun same = CliRun.of("map", "diff", "--exit-code", current.toString(), current.toString());
    CliRun differ = CliRun.of("map", "diff", "--exit-code", current.toString(), future.toString());

    assertThat(same.exitCode()).isZero();
    assertThat(same.out()).startsWith("no differences");
    assertThat(differ.exitCode()).isEqualTo(3);
  }

  @Test
  void refusesAnInvalidMapWithItsFirstProblem() throws Exception {
    Path bad = java.nio.file.Files.writeString(dir.resolve("bad.yaml"), "id: x\n");

    CliRun run = CliRun.of("map", "diff", bad.toString(), template("saas", "current").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("trailmap: " + bad + ":1:1: the map is missing required field 'name'");
  }
}
