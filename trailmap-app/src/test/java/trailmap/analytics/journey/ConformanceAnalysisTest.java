package trailmap.analytics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trailmap.analytics.journey.JourneyFixture.MAP;
import static trailmap.analytics.journey.JourneyFixture.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConformanceAnalysisTest {

  @Test
  void answersTheShareThatFollowsTheMapAndTheDeviations() {
    JsonNode answer =
        ConformanceAnalysis.run(query("{}"), JourneyFixture.table(), Optional.of(MAP));

    assertThat(answer.get("profiles").asLong()).isEqualTo(4);
    assertThat(answer.get("conforming").asLong()).isEqualTo(2);
    assertThat(answer.get("share").asDouble()).isEqualTo(0.5);
    assertThat(answer.get("deviations").toString())
        .isEqualTo(
            "[{\"kind\":\"not-on-map\",\"description\":\"event not on the map: Newsletter"
                + " Opened\",\"event\":\"Newsletter Opened\",\"count\":1,\"share\":0.25},"
                + "{\"kind\":\"skipped-stage\",\"description\":\"went from awareness to purchase"
                + " without consideration\",\"from\":\"awareness\",\"to\":\"purchase\","
                + "\"skipped\":[\"consideration\"],\"count\":1,\"share\":0.25}]");
    assertThat(answer.get("byKind").get("skipped-stage").asLong()).isEqualTo(1);
  }

  @Test
  void checksTouchpointOrderWhenAskedAndSkipsIgnoredEvents() {
    JsonNode answer =
        ConformanceAnalysis.run(
            query("{\"touchpointOrder\": true, \"ignore\": [\"Newsletter Opened\"], \"top\": 1}"),
            JourneyFixture.table(),
            Optional.of(MAP));

    assertThat(answer.get("deviationCount").asInt()).isEqualTo(2);
    assertThat(answer.get("deviations")).hasSize(1);
    assertThat(answer.get("deviations").get(0).get("kind").asText())
        .isEqualTo("backward-touchpoint");
    assertThat(answer.get("byKind").has("not-on-map")).isFalse();
  }

  @Test
  void needsAMap() {
    assertThatThrownBy(
            () -> ConformanceAnalysis.run(query("{}"), JourneyFixture.table(), Optional.empty()))
        .hasMessageStartingWith("map: conformance checks journeys against a map");
  }

  @Test
  void refusesAnEmptyTimeRange() {
    assertThatThrownBy(
            () ->
                ConformanceAnalysis.run(
                    query("{\"from\": \"2026-02-01T00:00:00Z\", \"to\": \"2026-01-01T00:00:00Z\"}"),
                    JourneyFixture.table(),
                    Optional.of(MAP)))
        .hasMessageStartingWith("to: '2026-01-01T00:00:00Z' must be after from");
  }
}
