package trailmap.flows.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import trailmap.flows.Flow;
import trailmap.flows.engine.Decision;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.testing.FlowTestDriver;

class FlowExamplesTest {
  static final Path EXAMPLES = Path.of("..", "examples", "flows");

  static Stream<Path> examples() throws IOException {
    return Files.list(EXAMPLES)
        .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
        .sorted();
  }

  static Flow read(String name) throws IOException {
    FlowReadResult result = FlowReader.read(name, Files.readString(EXAMPLES.resolve(name)));
    assertThat(result.problems()).isEmpty();
    return result.flow().orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleValidatesAndSurvivesAWriteAndRead(Path file) throws IOException {
    FlowReadResult result = FlowReader.read(file.toString(), Files.readString(file));
    assertThat(result.problems()).isEmpty();
    Flow flow = result.flow().orElseThrow();
    assertThat(FlowReader.read("yaml", FlowWriter.toYaml(flow)).flow()).contains(flow);
    assertThat(FlowReader.read("json", FlowWriter.toJson(flow)).flow()).contains(flow);
  }

  @Test
  void theCompleteExampleInTheFormatDocIsValid() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "flow-format.md"));
    int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
    String yaml = doc.substring(start, doc.indexOf("```", start));
    FlowReadResult result = FlowReader.read("flow-format.md", yaml);
    assertThat(result.problems()).isEmpty();
    assertThat(FlowReader.read("yaml", FlowWriter.toYaml(result.flow().orElseThrow())).flow())
        .isEqualTo(result.flow());
  }

  @Test
  void theShippedExamplesAreTheThreeOfTheIssue() throws IOException {
    assertThat(examples().map(p -> p.getFileName().toString()))
        .contains("welcome.yaml", "pricing-abandonment.yaml", "support-follow-up.yaml");
  }

  @Test
  void welcomeBehavesAsTheIssueDescribes() throws IOException {
    FlowTestDriver driver =
        new FlowTestDriver(
            List.of(read("welcome.yaml")),
            MessagePolicy.PERMISSIVE,
            1,
            Instant.parse("2025-03-10T09:00:00Z"));
    driver.identify("ada", Map.of("email", "ada@example.com"));
    driver.track("ada", "Trial Started");
    driver.advance(Duration.ofDays(2));
    assertThat(driver.sent("ada"))
        .extracting(s -> s.message().topic())
        .containsExactly("onboarding", "product-tips");
    driver.identify("bob", Map.of("email", "bob@example.com"));
    driver.track("bob", "Trial Started");
    driver.track("bob", "Onboarding Completed");
    driver.advance(Duration.ofDays(3));
    driver.track("bob", "Trial Started");
    assertThat(driver.sent("bob")).hasSize(1);
    assertThat(driver.decisions("bob", Decision.NotEntered.class)).hasSize(1);
  }

  @Test
  void pricingAbandonmentWaitsForTheMorning() throws IOException {
    FlowTestDriver driver =
        new FlowTestDriver(
            List.of(read("pricing-abandonment.yaml")),
            MessagePolicy.PERMISSIVE,
            1,
            Instant.parse("2025-03-10T20:30:00Z"));
    driver.identify("ada", Map.of("email", "ada@example.com", "plan", "trial"));
    driver.track("ada", "Pricing Viewed");
    driver.advance(Duration.ofHours(1));
    assertThat(driver.sent("ada")).isEmpty();
    driver.advance(Duration.ofHours(12));
    assertThat(driver.sent("ada")).hasSize(1);
    assertThat(driver.timeline("ada"))
        .anyMatch(line -> line.contains("deferred: quiet hours 21:00-08:00"));
  }

  @Test
  void supportFollowUpIsCancelledByAReopenedTicket() throws IOException {
    FlowTestDriver driver =
        new FlowTestDriver(
            List.of(read("support-follow-up.yaml")),
            MessagePolicy.PERMISSIVE,
            1,
            Instant.parse("2025-03-10T09:00:00Z"));
    driver.identify("ada", Map.of("email", "ada@example.com"));
    driver.track("ada", "Ticket Closed");
    driver.advance(Duration.ofHours(2));
    driver.track("ada", "Ticket Reopened");
    driver.advance(Duration.ofDays(7));
    assertThat(driver.sent("ada")).isEmpty();
    driver.track("ada", "Ticket Closed");
    driver.advance(Duration.ofDays(1));
    assertThat(driver.sent("ada")).hasSize(1);
  }
}
