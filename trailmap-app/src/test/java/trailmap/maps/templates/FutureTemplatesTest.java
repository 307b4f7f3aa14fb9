package trailmap.maps.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.maps.templates.Templates.each;
import static trailmap.maps.templates.Templates.ids;
import static trailmap.maps.templates.Templates.kpis;
import static trailmap.maps.templates.Templates.touchpoints;
import static trailmap.maps.templates.Templates.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import trailmap.maps.MapState;

/** Each future-state template against its current state: comparable, and actually better. */
class FutureTemplatesTest {
  static final List<String> NAMES = MapTemplates.names();

  @ParameterizedTest
  @FieldSource("NAMES")
  void improvesItsOwnCurrentState(String name) {
    assertThat(tree(name, MapState.FUTURE).path("improves").asText()).isEqualTo(name + "-current");
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void keepsTheStagesAndPersonas(String name) {
    JsonNode current = tree(name, MapState.CURRENT);
    JsonNode future = tree(name, MapState.FUTURE);

    assertThat(ids(each(future.path("stages")))).isEqualTo(ids(each(current.path("stages"))));
    assertThat(ids(each(future.path("personas")))).isEqualTo(ids(each(current.path("personas"))));
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void sharesEveryKpiIdSoTheGapCanBeComputed(String name) {
    List<String> current = ids(kpis(tree(name, MapState.CURRENT)));
    List<String> future = ids(kpis(tree(name, MapState.FUTURE)));

    assertThat(future).containsAll(current);
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void aimsBeyondTodayAndBeyondTheCurrentTargets(String name) {
    Map<String, JsonNode> current = byId(kpis(tree(name, MapState.CURRENT)).toList());
    Map<String, JsonNode> future = byId(kpis(tree(name, MapState.FUTURE)).toList());

    List<String> unambitious = new ArrayList<>();
    current.forEach(
        (id, today) -> {
          JsonNode aim = future.get(id);
          if (aim == null) {
            return; // a missing id is sharesEveryKpiIdSoTheGapCanBeComputed's failure
          }
          String better = today.path("better").asText("higher");
          assertThat(aim.path("better").asText("higher")).as("%s direction", id).isEqualTo(better);
          // sign * (target - x) > 0 means the target improves on x
          double sign = better.equals("lower") ? -1 : 1;
          double target = aim.path("target").asDouble();
          boolean beyondToday = sign * (target - today.path("current").asDouble()) > 0;
          boolean beyondOldTarget = sign * (target - today.path("target").asDouble()) >= 0;
          if (!beyondToday || !beyondOldTarget) {
            unambitious.add(id);
          }
        });
    assertThat(unambitious).as("KPIs whose future target is not an improvement").isEmpty();
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void addsAndRemovesTouchpointsButKeepsMostIds(String name) {
    List<String> current = ids(touchpoints(tree(name, MapState.CURRENT)));
    List<String> future = ids(touchpoints(tree(name, MapState.FUTURE)));

    assertThat(future).as("added").anySatisfy(id -> assertThat(current).doesNotContain(id));
    assertThat(current).as("removed").anySatisfy(id -> assertThat(future).doesNotContain(id));
    long kept = current.stream().filter(future::contains).count();
    assertThat(kept).as("surviving touchpoints").isGreaterThanOrEqualTo(current.size() * 2 / 3);
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void feelsBetterForEveryPersona(String name) {
    JsonNode current = tree(name, MapState.CURRENT);
    JsonNode future = tree(name, MapState.FUTURE);

    for (String persona : ids(each(current.path("personas")))) {
      assertThat(meanEmotion(future, persona))
          .as("mean emotion of %s", persona)
          .isGreaterThan(meanEmotion(current, persona) + 0.5);
      assertThat(minEmotion(future, persona))
          .as("worst moment of %s", persona)
          .isGreaterThanOrEqualTo(0);
    }
  }

  @ParameterizedTest
  @FieldSource("NAMES")
  void removesTheWorstPainPoints(String name) {
    List<String> severities =
        Templates.painPoints(tree(name, MapState.FUTURE))
            .map(p -> p.path("severity").asText("medium"))
            .toList();

    assertThat(severities).doesNotContain("high", "critical");
  }

  private static Map<String, JsonNode> byId(List<JsonNode> kpis) {
    return kpis.stream().collect(Collectors.toMap(k -> k.path("id").asText(), Function.identity()));
  }

  private static double meanEmotion(JsonNode map, String persona) {
    return scores(map, persona).average().orElseThrow();
  }

  private static int minEmotion(JsonNode map, String persona) {
    return scores(map, persona).min().orElseThrow();
  }

  private static java.util.stream.IntStream scores(JsonNode map, String persona) {
    return touchpoints(map)
        .flatMap(
            tp ->
                Templates.emotions(tp)
                    .filter(e -> !e.has("persona") || e.path("persona").asText().equals(persona))
                    .limit(1))
        .mapToInt(e -> e.path("score").asInt());
  }
}
