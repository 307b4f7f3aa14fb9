package trailmap.analytics.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trailmap.analytics.EventTable;
import trailmap.analytics.EventTableBuilder;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

class FunnelAnalysisTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long HOUR = 3_600_000_000L;
  private static final long JAN_1 = 1_767_225_600_000_000L; // 2026-01-01T00:00:00Z

  private static JsonValue.Obj props(String key, String value) {
    return new JsonValue.Obj(Map.of(key, new JsonValue.Str(value)));
  }

  private static EventTable table() {
    EventTableBuilder b = new EventTableBuilder();
    JsonValue.Obj none = JsonValue.Obj.EMPTY;
    b.add("ann", JAN_1, "Signed Up", EventType.TRACK, "web", "site", none);
    b.add(
        "ann",
        JAN_1 + HOUR,
        "Viewed Page",
        EventType.PAGE,
        "web",
        "site",
        props("path", "/pricing"));
    b.add("ann", JAN_1 + 2 * HOUR, "Paid", EventType.TRACK, "web", "site", none);
    b.add("bob", JAN_1, "Signed Up", EventType.TRACK, "app", "ios", none);
    b.add("bob", JAN_1 + HOUR, "Viewed Page", EventType.PAGE, "app", "ios", props("path", "/home"));
    b.add("cat", JAN_1, "Signed Up", EventType.TRACK, "web", "site", none);
    b.add(
        "cat",
        JAN_1 + 3 * HOUR,
        "Viewed Page",
        EventType.PAGE,
        "web",
        "site",
        props("path", "/pricing"));
    b.traits("ann", props("plan", "pro"));
    b.traits("bob", props("plan", "free"));
    b.traits("cat", props("plan", "pro"));
    return b.build();
  }

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text.replace('\'', '"'));
  }

  @Test
  void answersAQueryDocumentWithTheAnswerDocument() throws Exception {
    ObjectNode answer =
        FunnelAnalysis.run(
            json(
                """
                {'steps': ['Signed Up', {'event': 'Viewed Page', 'where': {'path': '/pricing'}}, 'Paid'],
                 'window': '1d', 'from': '2026-01-01T00:00:00Z', 'to': '2026-01-02T00:00:00Z',
                 'breakdown': 'plan'}
                """),
            table(),
            Optional.empty());

    JsonNode steps = answer.get("steps");
    assertThat(steps).hasSize(3);
    assertThat(steps.get(0).get("count").asLong()).isEqualTo(3);
    assertThat(steps.get(1).get("count").asLong()).isEqualTo(2);
    assertThat(steps.get(1).get("name").asText()).isEqualTo("Viewed Page where path eq /pricing");
    assertThat(steps.get(1).get("dropOff").asLong()).isEqualTo(1);
    assertThat(steps.get(1).get("medianSecondsToConvert").asDouble()).isEqualTo(7200.0);
    assertThat(steps.get(2).get("conversionFromFirst").asDouble()).isEqualTo(1 / 3.0);
    assertThat(steps.get(0).get("averageSecondsToConvert").isNull()).isTrue();
    assertThat(steps.get(1).get("histogram").get(4).get("count").asLong()).isEqualTo(2);
    assertThat(answer.get("series"))
        .extracting(s -> s.get("breakdown").asText())
        .containsExactly("pro", "free");
    assertThat(answer.get("series").get(0).get("steps").get(1).get("count").asLong()).isEqualTo(2);
    assertThat(answer.get("warnings")).isEmpty();
    JsonNode counted = answer.get("counted");
    assertThat(counted.get("order").asText()).isEqualTo("ordered");
    assertThat(counted.get("window").asText()).isEqualTo("1d");
    assertThat(counted.get("from").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(counted.get("profiles").asLong()).isEqualTo(3);
    assertThat(counted.get("rules")).isNotEmpty();
  }

  @Test
  void filtersEventsByChannelAndProfilesByTrait() throws Exception {
    ObjectNode answer =
        FunnelAnalysis.run(
            json(
                "{'steps': ['Signed Up'], 'where': {'channel': 'web', 'traits': {'plan': 'pro'}}}"),
            table(),
            Optional.empty());

    assertThat(answer.get("steps").get(0).get("count").asLong()).isEqualTo(2);
    assertThat(answer.get("counted").get("profiles").asLong()).isEqualTo(2);
  }

  @Test
  void misspeltStepCountsZeroAndWarnsWithTheClosestName() throws Exception {
    ObjectNode answer =
        FunnelAnalysis.run(json("{'steps': ['Signed Up', 'Payd']}"), table(), Optional.empty());

    assertThat(answer.get("steps").get(1).get("count").asLong()).isZero();
    assertThat(answer.get("warnings").get(0).asText())
        .isEqualTo(
            "step 1 'Payd' matched no event; no event named 'Payd' was seen (closest known: 'Paid')");
  }

  @Test
  void invalidQueryThrowsWithEveryProblem() {
    assertThatThrownBy(
            () ->
                FunnelAnalysis.run(
                    json("{'steps': ['A'], 'order': 'x', 'window': '0d'}"),
                    table(),
                    Optional.empty()))
        .isInstanceOfSatisfying(
            InvalidFunnelQueryException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FunnelQueryProblem::path)
                    .containsExactly("$.order", "$.window"));
  }
}
