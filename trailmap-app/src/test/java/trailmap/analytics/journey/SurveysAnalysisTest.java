package trailmap.analytics.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static trailmap.analytics.journey.FeedbackFixture.MAP;
import static trailmap.analytics.journey.JourneyFixture.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SurveysAnalysisTest {

  @Test
  void answersEachFigurePerTouchpointWithItsIntervalTrendAndComments() {
    JsonNode answer = SurveysAnalysis.run(query("{}"), FeedbackFixture.table(), Optional.of(MAP));

    assertThat(answer.get("responses").asLong()).isEqualTo(40 + 10 + 2 + 1);
    JsonNode checkout = touchpoint(answer, "checkout");
    assertThat(checkout.get("stage").asText()).isEqualTo("buy");
    JsonNode nps = checkout.get("nps");
    assertThat(nps.get("n").asLong()).isEqualTo(40);
    assertThat(nps.get("score").asDouble()).isEqualTo(0.0);
    assertThat(nps.get("promoters").asLong()).isEqualTo(20);
    assertThat(nps.get("detractors").asLong()).isEqualTo(20);
    assertThat(nps.get("method").asText()).isEqualTo("adjusted-wald");
    assertThat(nps.get("low").asDouble()).isLessThan(0).isGreaterThan(-100);
    assertThat(checkout.get("weekly").get(0).get("week").asText()).isEqualTo("2026-W02");
    assertThat(checkout.get("weekly").get(0).get("weekStart").asText()).isEqualTo("2026-01-05");
    assertThat(checkout.get("comments").get("total").asLong()).isEqualTo(1);
    assertThat(checkout.get("comments").get("kept").get(0).get("text").asText())
        .isEqualTo("too slow");
    JsonNode phone = touchpoint(answer, "phone");
    assertThat(phone.get("ces").get("score").asDouble()).isEqualTo(6.0);
    assertThat(phone.get("ces").get("better").asText()).isEqualTo("lower");
    assertThat(touchpoint(answer, "email").get("ces").get("score").asDouble()).isEqualTo(2.0);
    assertThat(answer.get("stages").get(0).get("stage").asText()).isEqualTo("buy");
    assertThat(answer.get("channels").findValuesAsText("channel"))
        .containsExactly("email", "phone", "web");
  }

  @Test
  void statesEveryScaleAndItsDirection() {
    JsonNode answer = SurveysAnalysis.run(query("{}"), FeedbackFixture.table(), Optional.of(MAP));

    assertThat(answer.get("scales").get("ces").get("better").asText()).isEqualTo("lower");
    assertThat(answer.get("scales").get("ces").get("scale").asText())
        .contains("1-7", "lower effort is better");
    assertThat(answer.get("scales").get("nps").get("max").asInt()).isEqualTo(10);
    assertThat(answer.get("scales").get("csat").get("scale").asText()).contains("4 or 5");
  }

  @Test
  void reportsOutOfRangeScoresAndTouchpointsNotOnTheMap() {
    JsonNode answer = SurveysAnalysis.run(query("{}"), FeedbackFixture.table(), Optional.of(MAP));

    assertThat(answer.get("rejected").get("count").asLong()).isEqualTo(1);
    assertThat(answer.get("rejected").get("outOfRange").asLong()).isEqualTo(1);
    assertThat(answer.get("warnings").toString())
        .contains("1 survey answers were not counted: 1 with a score off the scale")
        .contains("touchpoints the map 'shop' does not have: faq");
    JsonNode faq = touchpoint(answer, "faq");
    assertThat(faq.get("onMap").asBoolean()).isFalse();
    assertThat(faq.get("csat").get("score").asDouble()).isEqualTo(1.0);
  }

  @Test
  void restrictsToOneSurveyAndARange() {
    JsonNode answer =
        SurveysAnalysis.run(
            query("{\"survey\": \"ces\", \"from\": \"2026-01-06T00:00:00Z\", \"comments\": 0}"),
            FeedbackFixture.table(),
            Optional.of(MAP));

    JsonNode overall = answer.get("overall");
    assertThat(overall.has("nps")).isFalse();
    assertThat(overall.get("ces").get("n").asLong()).isEqualTo(12);
    assertThat(overall.get("ces").get("score").asDouble()).isCloseTo(64.0 / 12, within(1e-9));
    assertThat(overall.get("comments").get("total").asLong()).isEqualTo(10);
    assertThat(overall.get("comments").get("kept")).isEmpty();
  }

  @Test
  void warnsWhenTheSurveyEventWasNeverSeen() {
    JsonNode answer =
        SurveysAnalysis.run(
            query("{\"event\": \"Survey Respondd\"}"), FeedbackFixture.table(), Optional.of(MAP));

    assertThat(answer.get("responses").asLong()).isZero();
    assertThat(answer.get("warnings").get(0).asText())
        .startsWith("event: no event named 'Survey Respondd' was seen")
        .contains("closest known: Survey Responded");
  }

  @Test
  void refusesAnUnknownSurveyKind() {
    assertThatThrownBy(
            () ->
                SurveysAnalysis.run(
                    query("{\"survey\": \"csi\"}"), FeedbackFixture.table(), Optional.of(MAP)))
        .hasMessage("survey: 'csi' is not a survey; use nps, csat or ces");
  }

  static JsonNode touchpoint(JsonNode answer, String id) {
    for (JsonNode t : answer.get("touchpoints")) {
      if (t.get("touchpoint").asText().equals(id)) {
        return t;
      }
    }
    throw new AssertionError("no touchpoint " + id + " in " + answer.get("touchpoints"));
  }
}
