package trailmap.analytics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trailmap.analytics.journey.JourneyFixture.MAP;
import static trailmap.analytics.journey.JourneyFixture.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trailmap.server.ProblemException;

class PathsAnalysisTest {

  @Test
  void answersPathsFromAStartTouchpointToAnEndTouchpoint() {
    JsonNode answer =
        PathsAnalysis.run(
            query("{\"start\": \"touchpoint:ad\", \"end\": \"touchpoint:trial\", \"steps\": 5}"),
            JourneyFixture.table(),
            Optional.of(MAP));

    assertThat(answer.get("profiles").asLong()).isEqualTo(4);
    assertThat(answer.get("pathProfiles").asLong()).isEqualTo(2);
    assertThat(answer.get("paths").toString())
        .isEqualTo(
            "[{\"steps\":[\"ad\",\"pricing\",\"trial\"],\"count\":1,\"share\":0.5},"
                + "{\"steps\":[\"ad\",\"trial\"],\"count\":1,\"share\":0.5}]");
    assertThat(answer.get("edges").get(0).toString())
        .isEqualTo("{\"step\":0,\"from\":\"ad\",\"to\":\"pricing\",\"count\":1}");
    assertThat(answer.get("counted").get("start").asText()).isEqualTo("ad");
    assertThat(answer.get("counted").get("maxSteps").asInt()).isEqualTo(5);
  }

  @Test
  void countsLoopsAndBackAndForthOverEventNames() {
    JsonNode answer =
        PathsAnalysis.run(query("{\"steps\": 10}"), JourneyFixture.table(), Optional.empty());

    assertThat(answer.get("loops").toString())
        .isEqualTo("[{\"node\":\"Viewed Pricing\",\"count\":1}]");
    assertThat(answer.get("backAndForth").toString())
        .isEqualTo("[{\"from\":\"Viewed Pricing\",\"to\":\"Booked Demo\",\"count\":1}]");
  }

  @Test
  void warnsAboutAnEventNameNeverSeen() {
    JsonNode answer =
        PathsAnalysis.run(
            query("{\"start\": \"Ad Clikced\"}"), JourneyFixture.table(), Optional.empty());

    assertThat(answer.get("pathProfiles").asLong()).isZero();
    assertThat(answer.get("warnings").get(0).asText())
        .startsWith("start: no event named 'Ad Clikced' was seen")
        .contains("closest known: Ad Clicked");
  }

  @Test
  void refusesStepsOutOfRange() {
    assertThatThrownBy(
            () ->
                PathsAnalysis.run(
                    query("{\"steps\": 30}"), JourneyFixture.table(), Optional.empty()))
        .isInstanceOf(ProblemException.class)
        .hasMessage("steps: must be between 1 and 20, was 30; the default is 5");
  }

  @Test
  void refusesAnUnknownTouchpoint() {
    assertThatThrownBy(
            () ->
                PathsAnalysis.run(
                    query("{\"start\": \"touchpoint:pricng\"}"),
                    JourneyFixture.table(),
                    Optional.of(MAP)))
        .hasMessageStartingWith("start: map 'saas' has no touchpoint 'pricng'; closest: pricing");
  }

  @Test
  void aTouchpointNeedsAMap() {
    assertThatThrownBy(
            () ->
                PathsAnalysis.run(
                    query("{\"end\": \"touchpoint:trial\"}"),
                    JourneyFixture.table(),
                    Optional.empty()))
        .hasMessageStartingWith("end: touchpoints need a journey map");
  }

  @Test
  void refusesNodesAtTwoLevels() {
    assertThatThrownBy(
            () ->
                PathsAnalysis.run(
                    query("{\"start\": \"touchpoint:ad\", \"end\": \"stage:purchase\"}"),
                    JourneyFixture.table(),
                    Optional.of(MAP)))
        .hasMessage(
            "end: 'stage:purchase' is a stage but start 'touchpoint:ad' asks for touchpoints;"
                + " name every node at one level");
  }
}
