package trailmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trailmap analyze} on a data directory the demo generator filled. */
class AnalyzeCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path data;

  @BeforeAll
  static void generate() {
    data = dir.resolve("data");
    CliRun generated = CliRun.of("generate", "--profiles", "1500", "--data", data.toString());
    assertThat(generated.exitCode()).as(generated.err()).isZero();
  }

  @Test
  void theSimpleFunnelFormPrintsATableAndFindsThePlantedPricingDropOff() {
    CliRun run =
        CliRun.of(
            "analyze", "funnel", "--data", data.toString(), "--steps", "Pricing,Trial Started");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Pricing").contains("Trial Started").contains("of first");
  }

  @Test
  void aQueryFileWithAMapFileGivesTheSameJsonAsTheApi() throws Exception {
    Path map = dir.resolve("saas.yaml");
    assertThat(CliRun.of("map", "new", "--template", "saas", "-o", map.toString()).exitCode())
        .isZero();
    Path query = dir.resolve("funnel.json");
    Files.writeString(
        query,
        "{\"steps\": [\"touchpoint:pricing\", \"touchpoint:trial-signup\"], \"window\": \"7d\"}");

    CliRun run =
        CliRun.of(
            "analyze",
            "funnel",
            "--data",
            data.toString(),
            "--query",
            query.toString(),
            "--map",
            map.toString(),
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode steps = JSON.readTree(run.out()).get("steps");
    double conversion = steps.get(1).get("conversionFromPrevious").asDouble();
    assertThat(steps.get(0).get("count").asInt()).isPositive();
    assertThat(conversion).as("a third of pricing viewers leave").isBetween(0.55, 0.78);
  }

  @Test
  void surveysAndFrictionFindThePlantedBillingEffortAndTheirEvidence() throws Exception {
    Path map = dir.resolve("saas-friction.yaml");
    assertThat(CliRun.of("map", "new", "--template", "saas", "-o", map.toString()).exitCode())
        .isZero();

    CliRun surveys =
        CliRun.of(
            "analyze", "surveys", "--data", data.toString(), "--map", map.toString(), "--json");
    assertThat(surveys.exitCode()).as(surveys.err()).isZero();
    JsonNode answer = JSON.readTree(surveys.out());
    assertThat(answer.at("/scales/ces/better").asText()).isEqualTo("lower");
    JsonNode billing = null;
    for (JsonNode touchpoint : answer.get("touchpoints")) {
      if (touchpoint.get("touchpoint").asText().equals("billing-support")) {
        billing = touchpoint;
      }
    }
    assertThat(billing).as("billing support has survey answers").isNotNull();
    assertThat(billing.at("/ces/score").asDouble())
        .as("planted: hard billing support")
        .isGreaterThan(4.5);

    CliRun friction =
        CliRun.of(
            "analyze", "friction", "--data", data.toString(), "--map", map.toString(), "--json");
    assertThat(friction.exitCode()).as(friction.err()).isZero();
    List<String> kinds = new ArrayList<>();
    JSON.readTree(friction.out()).get("items").forEach(i -> kinds.add(i.get("kind").asText()));
    assertThat(kinds).contains("drop-off", "repeat-contacts", "low-score");
  }

  @Test
  void discoverDrawsDotForGraphviz() {
    CliRun run = CliRun.of("analyze", "discover", "--data", data.toString(), "--format", "dot");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("digraph").contains("->");
  }

  @Test
  void badInputExitsWithOneLineThatSaysWhy() throws Exception {
    CliRun unknown = CliRun.of("analyze", "funnels", "--data", data.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("the analyses are funnel, paths");

    CliRun badWindow =
        CliRun.of(
            "analyze", "funnel", "--data", data.toString(), "--steps", "A,B", "--window", "2x");
    assertThat(badWindow.exitCode()).isEqualTo(1);
    assertThat(badWindow.err()).contains("$.window");

    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"steps\": [");
    CliRun malformed =
        CliRun.of("analyze", "paths", "--data", data.toString(), "--query", broken.toString());
    assertThat(malformed.exitCode()).isEqualTo(1);
    assertThat(malformed.err()).contains("broken.json:1:").contains("not valid JSON");

    CliRun noMap =
        CliRun.of("analyze", "conformance", "--data", data.toString(), "--map", "no-such-map");
    assertThat(noMap.exitCode()).isEqualTo(2);
    assertThat(noMap.err()).contains("no-such-map");

    Path segmentQuery = dir.resolve("segment.json");
    Files.writeString(segmentQuery, "{\"where\": {\"segment\": \"vip\"}}");
    CliRun noSegment =
        CliRun.of(
            "analyze", "discover", "--data", data.toString(), "--query", segmentQuery.toString());
    assertThat(noSegment.exitCode()).isEqualTo(1);
    assertThat(noSegment.err()).contains("$.where.segment").contains("vip");

    CliRun noData = CliRun.of("analyze", "discover", "--data", dir.resolve("nothing").toString());
    assertThat(noData.exitCode()).isEqualTo(2);
    assertThat(noData.err()).contains("no such data directory");
  }
}
