package trailmap.analytics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trailmap.analytics.journey.FeedbackFixture.MAP;
import static trailmap.analytics.journey.JourneyFixture.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HypothesesAnalysisTest {

  @Test
  void judgesEveryClaimOnTheMapWithTheNumbersBehindIt() {
    JsonNode answer = HypothesesAnalysis.run(FeedbackFixture.table(), MAP);

    // pricing: 60 reach it; 40 check out and 12 contact support later, so 8 reach nothing after.
    JsonNode dropOff = claim(answer, "At most 30% leave after pricing");
    assertThat(dropOff.get("n").asLong()).isEqualTo(60);
    assertThat(dropOff.get("value").asDouble()).isEqualTo(8.0 / 60);
    assertThat(dropOff.get("verdict").asText()).isEqualTo("supported");
    assertThat(dropOff.get("method").asText()).isEqualTo("agresti-coull");
    JsonNode conversion = claim(answer, "At least 90% go on to check out");
    assertThat(conversion.get("value").asDouble()).isEqualTo(40.0 / 60);
    assertThat(conversion.get("verdict").asText()).isEqualTo("refuted");
    assertThat(conversion.get("to").asText()).isEqualTo("checkout");
    JsonNode nps = claim(answer, "NPS after checkout is at least 50");
    assertThat(nps.get("n").asLong()).isEqualTo(40);
    assertThat(nps.get("value").asDouble()).isEqualTo(0.0);
    assertThat(nps.get("verdict").asText()).isEqualTo("refuted");
    JsonNode ces = claim(answer, "CES at chat is at most 3");
    assertThat(ces.get("touchpoint").asText()).isEqualTo("phone");
    assertThat(ces.get("carrier").asText()).isEqualTo("chat");
    assertThat(ces.get("n").asLong()).isEqualTo(10);
    assertThat(ces.get("verdict").asText()).isEqualTo("not-enough-data");
    assertThat(ces.get("reason").asText()).isEqualTo("n = 10, below the minimum of 30");
    assertThat(ces.get("estimateHolds").asBoolean()).isFalse();
    assertThat(answer.get("summary").toString())
        .isEqualTo("{\"supported\":1,\"refuted\":2,\"notEnoughData\":2}");
  }

  @Test
  void aLowerMinimumLetsSmallSamplesBeJudged() {
    JsonNode answer =
        HypothesesAnalysis.run(
            query("{\"minimumN\": 10}"), FeedbackFixture.table(), Optional.of(MAP));

    JsonNode ces = claim(answer, "CES at chat is at most 3");
    assertThat(ces.get("verdict").asText()).isEqualTo("refuted");
    assertThat(ces.get("reason").asText())
        .startsWith("the 95% interval [6, 6] lies above atMost 3");
  }

  @Test
  void needsAMap() {
    assertThatThrownBy(
            () -> HypothesesAnalysis.run(query("{}"), FeedbackFixture.table(), Optional.empty()))
        .hasMessageStartingWith("map: hypotheses are claims on a map");
  }

  static JsonNode claim(JsonNode answer, String claim) {
    for (JsonNode h : answer.get("hypotheses")) {
      if (h.get("claim").asText().equals(claim)) {
        return h;
      }
    }
    throw new AssertionError("no claim " + claim + " in " + answer);
  }
}
