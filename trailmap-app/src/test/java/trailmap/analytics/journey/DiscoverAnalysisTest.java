package trailmap.analytics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trailmap.analytics.journey.JourneyFixture.MAP;
import static trailmap.analytics.journey.JourneyFixture.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trailmap.server.ProblemException;

class DiscoverAnalysisTest {

  @Test
  void answersTheGraphOfTouchpointsWhenAMapIsGiven() {
    JsonNode answer = DiscoverAnalysis.run(query("{}"), JourneyFixture.table(), Optional.of(MAP));

    assertThat(answer.get("profiles").asLong()).isEqualTo(4);
    assertThat(answer.get("events").asLong()).isEqualTo(11);
    assertThat(answer.get("counted").get("nodes").asText()).isEqualTo("touchpoints");
    JsonNode first = answer.get("edges").get(0);
    assertThat(first.get("from").asText()).isEqualTo("ad");
    assertThat(first.get("to").asText()).isEqualTo("pricing");
    assertThat(first.get("count").asLong()).isEqualTo(2);
    assertThat(first.get("medianSeconds").asDouble()).isEqualTo(90.0);
    assertThat(first.get("p90Seconds").asDouble()).isEqualTo(114.0);
    assertThat(answer.get("start").get("ad").asLong()).isEqualTo(3);
    assertThat(answer.get("start").get("pricing").asLong()).isEqualTo(1);
    assertThat(answer.get("end").get("trial").asLong()).isEqualTo(2);
    assertThat(answer.get("variantCount").asInt()).isEqualTo(4);
    assertThat(answer.get("variants").get(0).get("share").asDouble()).isEqualTo(0.25);
  }

  @Test
  void fallsBackToEventNamesWithoutAMapAndCapsVariantsAtTop() {
    JsonNode answer =
        DiscoverAnalysis.run(query("{\"top\": 2}"), JourneyFixture.table(), Optional.empty());

    assertThat(answer.get("counted").get("nodes").asText()).isEqualTo("events");
    assertThat(answer.get("start").get("Newsletter Opened").asLong()).isEqualTo(1);
    assertThat(answer.get("variantCount").asInt()).isEqualTo(4);
    assertThat(answer.get("variants")).hasSize(2);
  }

  @Test
  void countsOnlyEventsInTheTimeRange() {
    JsonNode answer =
        DiscoverAnalysis.run(
            query("{\"from\": \"2026-01-05T00:00:00Z\", \"nodes\": \"stages\"}"),
            JourneyFixture.table(),
            Optional.of(MAP));

    assertThat(answer.get("profiles").asLong()).isEqualTo(1);
    assertThat(answer.get("start").get("consideration").asLong()).isEqualTo(1);
    assertThat(answer.get("counted").get("range").get("from").asText())
        .isEqualTo("2026-01-05T00:00:00Z");
  }

  @Test
  void writesDotForGraphviz() {
    String dot = DiscoverAnalysis.dot(query("{}"), JourneyFixture.table(), Optional.of(MAP));

    assertThat(dot).startsWith("digraph journey {").contains("\"__start__\" -> ").contains("1.5m");
  }

  @Test
  void saysWhetherTheQueryAsksForDot() {
    assertThat(DiscoverAnalysis.wantsDot(query("{\"format\": \"dot\"}"))).isTrue();
    assertThat(DiscoverAnalysis.wantsDot(query("{}"))).isFalse();
    assertThatThrownBy(() -> DiscoverAnalysis.wantsDot(query("{\"format\": \"svg\"}")))
        .hasMessage("format: 'svg' is not a format; use json or dot");
  }

  @Test
  void stageNodesNeedAMap() {
    assertThatThrownBy(
            () ->
                DiscoverAnalysis.run(
                    query("{\"nodes\": \"stages\"}"), JourneyFixture.table(), Optional.empty()))
        .isInstanceOf(ProblemException.class)
        .hasMessageStartingWith("nodes: stages need a journey map; pass one with --map");
  }

  @Test
  void anUnknownFieldNamesTheClosestKnownOne() {
    assertThatThrownBy(
            () ->
                DiscoverAnalysis.run(
                    query("{\"topp\": 3}"), JourneyFixture.table(), Optional.empty()))
        .isInstanceOf(ProblemException.class)
        .hasMessageStartingWith("topp: unknown field for discover (did you mean 'top'?)")
        .satisfies(
            e ->
                assertThat(((ProblemException) e).problem().type())
                    .isEqualTo("urn:trailmap:problem:invalid-query"));
  }

  @Test
  void aMalformedInstantIsRefused() {
    assertThatThrownBy(
            () ->
                DiscoverAnalysis.run(
                    query("{\"from\": \"yesterday\"}"), JourneyFixture.table(), Optional.empty()))
        .hasMessage("from: 'yesterday' is not an ISO 8601 instant such as 2026-01-01T00:00:00Z");
  }
}
