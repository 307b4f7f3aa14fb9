package trailmap.analytics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trailmap.analytics.journey.FeedbackFixture.MAP;
import static trailmap.analytics.journey.JourneyFixture.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrictionAnalysisTest {

  @Test
  void ranksWhereCustomersStruggleByScore() {
    JsonNode answer = FrictionAnalysis.run(query("{}"), FeedbackFixture.table(), Optional.of(MAP));

    assertThat(kinds(answer))
        .containsExactly(
            "negative-feedback phone",
            "repeat-contacts chat",
            "long-wait chat>phone",
            "long-wait pricing>chat",
            "low-score phone");
    double previous = Double.MAX_VALUE;
    for (JsonNode item : answer.get("items")) {
      assertThat(item.get("score").asDouble()).isLessThanOrEqualTo(previous);
      previous = item.get("score").asDouble();
    }
  }

  @Test
  void findsRepeatContactsAboutOneIssueAcrossChannelsAndLinksThePainPoint() {
    JsonNode answer = FrictionAnalysis.run(query("{}"), FeedbackFixture.table(), Optional.of(MAP));

    JsonNode repeat = item(answer, "repeat-contacts");
    assertThat(repeat.get("evidence").get("repeated").asLong()).isEqualTo(10);
    assertThat(repeat.get("evidence").get("crossChannel").asLong()).isEqualTo(10);
    assertThat(repeat.get("evidence").get("topIssues").get("billing").asLong()).isEqualTo(10);
    assertThat(repeat.get("onMap").asBoolean()).isTrue();
    assertThat(repeat.get("painPoints").get(0).get("text").asText())
        .isEqualTo("Billing questions take several contacts");
  }

  @Test
  void saysWhenTheMapDoesNotHaveThePainPointYet() {
    JsonNode answer = FrictionAnalysis.run(query("{}"), FeedbackFixture.table(), Optional.of(MAP));

    JsonNode low = item(answer, "low-score");
    assertThat(low.get("onMap").asBoolean()).isFalse();
    assertThat(low.get("evidence").get("scale").get("better").asText()).isEqualTo("lower");
    assertThat(low.get("suggestion").asText())
        .isEqualTo(
            "add a pain point to touchpoint 'phone': \"customer effort 6.0 of 7 (above 4.0; lower"
                + " is better)\"");
  }

  @Test
  void aShortRepeatWindowSplitsTheEpisodes() {
    JsonNode answer =
        FrictionAnalysis.run(
            query("{\"repeatWindow\": \"12h\"}"), FeedbackFixture.table(), Optional.of(MAP));

    assertThat(kinds(answer)).doesNotContain("repeat-contacts chat");
  }

  @Test
  void listsDropOffBeyondTheMapsExpectation() {
    JsonNode answer =
        FrictionAnalysis.run(query("{\"minimumN\": 2}"), FeedbackFixture.table(), Optional.of(MAP));

    // pricing: 8 of 60 go no further; the map expects at most 30%, so pricing is no drop-off item.
    assertThat(kinds(answer)).noneMatch(k -> k.startsWith("drop-off"));
  }

  @Test
  void refusesAMalformedWindowAndNeedsAMap() {
    assertThatThrownBy(
            () ->
                FrictionAnalysis.run(
                    query("{\"repeatWindow\": \"7 days\"}"),
                    FeedbackFixture.table(),
                    Optional.of(MAP)))
        .hasMessageStartingWith("repeatWindow: window '7 days' is not a whole number");
    assertThatThrownBy(
            () -> FrictionAnalysis.run(query("{}"), FeedbackFixture.table(), Optional.empty()))
        .hasMessageStartingWith("map: friction is measured against a map");
  }

  private static List<String> kinds(JsonNode answer) {
    List<String> kinds = new ArrayList<>();
    for (JsonNode item : answer.get("items")) {
      kinds.add(
          item.get("kind").asText()
              + " "
              + item.get("touchpoint").asText()
              + (item.has("to") ? ">" + item.get("to").asText() : ""));
    }
    return kinds;
  }

  private static JsonNode item(JsonNode answer, String kind) {
    for (JsonNode item : answer.get("items")) {
      if (item.get("kind").asText().equals(kind)) {
        return item;
      }
    }
    throw new AssertionError("no " + kind + " in " + answer);
  }
}
