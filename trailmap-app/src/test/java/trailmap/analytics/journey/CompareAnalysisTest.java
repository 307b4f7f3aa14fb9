package trailmap.analytics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static trailmap.analytics.journey.FeedbackFixture.MAP;
import static trailmap.analytics.journey.JourneyFixture.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompareAnalysisTest {

  @Test
  void comparesConversionBetweenTwoTraitValuesWithAZTestAndCohensH() {
    // pro: profiles 0-29 all check out; free: 30-59, of whom 30-39 check out.
    JsonNode answer =
        run(
            "{\"analysis\": \"conversion\", \"steps\": [\"touchpoint:pricing\", \"Checked Out\"],"
                + " \"by\": \"plan\", \"a\": \"pro\", \"b\": \"free\"}");

    assertThat(answer.get("a").get("value").asDouble()).isEqualTo(1.0);
    assertThat(answer.get("a").get("n").asLong()).isEqualTo(30);
    assertThat(answer.get("b").get("value").asDouble()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(answer.get("difference").get("value").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(answer.get("test").get("name").asText()).isEqualTo("two-proportion-z");
    assertThat(answer.get("test").get("significant").asBoolean()).isTrue();
    assertThat(answer.get("effectSize").get("name").asText()).isEqualTo("cohens-h");
    assertThat(answer.get("effectSize").get("magnitude").asText()).isEqualTo("large");
  }

  @Test
  void comparesNpsByPlanWithTheAdjustedWaldDifference() {
    // pro answers: 15 promoters (even profiles), 15 detractors: NPS 0; free (30-39): 5 and 5: NPS
    // 0.
    JsonNode answer =
        run(
            "{\"analysis\": \"surveys\", \"survey\": \"nps\", \"touchpoint\": \"checkout\","
                + " \"by\": \"plan\", \"a\": \"pro\", \"b\": \"free\"}");

    assertThat(answer.get("a").get("n").asLong()).isEqualTo(30);
    assertThat(answer.get("b").get("n").asLong()).isEqualTo(10);
    assertThat(answer.get("difference").get("value").asDouble()).isEqualTo(0.0);
    assertThat(answer.get("test").get("name").asText()).isEqualTo("nps-adjusted-wald-z");
    assertThat(answer.get("test").get("significant").asBoolean()).isFalse();
    assertThat(answer.get("counted").get("scale").get("better").asText()).isEqualTo("higher");
  }

  @Test
  void comparesCesBetweenTwoPeriodsWithWelchsT() {
    // Day 1: email login answers (CES 2); day 2: billing answers (CES 6) — two each at least.
    JsonNode answer =
        run(
            "{\"analysis\": \"surveys\", \"survey\": \"ces\","
                + " \"a\": {\"from\": \"2026-01-06T00:00:00Z\", \"to\": \"2026-01-07T00:00:00Z\"},"
                + " \"b\": {\"from\": \"2026-01-07T00:00:00Z\", \"to\": \"2026-01-08T00:00:00Z\"}}");

    assertThat(answer.get("a").get("value").asDouble()).isEqualTo(2.0);
    assertThat(answer.get("b").get("value").asDouble()).isEqualTo(6.0);
    assertThat(answer.get("test").get("name").asText()).isEqualTo("welch-t");
    assertThat(answer.get("counted").get("scale").get("better").asText()).isEqualTo("lower");
  }

  @Test
  void comparesTimeToNextWithMannWhitney() {
    JsonNode answer =
        run(
            "{\"analysis\": \"time-to-next\", \"steps\": [\"Viewed Pricing\", \"Checked Out\"],"
                + " \"by\": \"plan\", \"a\": \"pro\", \"b\": \"free\"}");

    assertThat(answer.get("a").get("value").asDouble()).isEqualTo(3600.0);
    assertThat(answer.get("test").get("name").asText()).isEqualTo("mann-whitney-u");
    assertThat(answer.get("effectSize").get("name").asText()).isEqualTo("rank-biserial");
    assertThat(answer.get("unit").asText()).isEqualTo("seconds");
  }

  @Test
  void refusesWhatCannotBeCompared() {
    assertThatThrownBy(
            () -> run("{\"analysis\": \"funnel\", \"by\": \"plan\", \"a\": \"x\", \"b\": \"y\"}"))
        .hasMessageStartingWith("analysis: 'funnel' cannot be compared");
    assertThatThrownBy(() -> run("{\"analysis\": \"surveys\", \"survey\": \"nps\"}"))
        .hasMessageStartingWith("a: must be a period such as");
    assertThatThrownBy(
            () ->
                run(
                    "{\"analysis\": \"surveys\", \"survey\": \"nps\", \"a\": {\"from\": \"x\","
                        + " \"to\": \"2026-01-01T00:00:00Z\"}, \"b\": {}}"))
        .hasMessageStartingWith("a.from: 'x' is not an ISO 8601 instant");
    assertThatThrownBy(
            () ->
                run(
                    "{\"analysis\": \"conversion\", \"steps\": [\"A\"], \"by\": \"plan\", \"a\":"
                        + " \"pro\", \"b\": \"free\"}"))
        .hasMessageStartingWith("steps: name two steps");
  }

  private static JsonNode run(String json) {
    return CompareAnalysis.run(query(json), FeedbackFixture.table(), Optional.of(MAP));
  }
}
