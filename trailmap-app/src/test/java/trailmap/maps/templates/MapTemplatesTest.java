package trailmap.maps.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trailmap.maps.templates.Templates.each;
import static trailmap.maps.templates.Templates.emotions;
import static trailmap.maps.templates.Templates.ids;
import static trailmap.maps.templates.Templates.kpis;
import static trailmap.maps.templates.Templates.painPoints;
import static trailmap.maps.templates.Templates.touchpoints;
import static trailmap.maps.templates.Templates.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import trailmap.maps.MapState;
import trailmap.maps.schema.MapSchema;

/** Each shipped template on its own: loadable, valid, internally consistent and rich enough. */
class MapTemplatesTest {

  @Test
  void shipsSaasRetailAndBank() {
    assertThat(MapTemplates.names()).containsExactly("saas", "retail", "bank");
  }

  @Test
  void rejectsAnUnknownNameListingTheKnownOnes() {
    assertThatThrownBy(() -> MapTemplates.yaml("sas", MapState.CURRENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown template 'sas'; use one of saas, retail, bank");
  }

  @Test
  void rejectsAMissingNameLikeAnUnknownOne() {
    assertThatThrownBy(() -> MapTemplates.yaml(null, MapState.FUTURE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown template 'null'; use one of saas, retail, bank");
  }

  @Test
  void namesAreCaseSensitiveLikeMapIds() {
    assertThatThrownBy(() -> MapTemplates.yaml("SaaS", MapState.CURRENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'SaaS'");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("trailmap.maps.templates.Templates#all")
  void returnsTheShippedYamlWithItsComments(String name, MapState state) {
    String yaml = MapTemplates.yaml(name, state);

    assertThat(yaml).startsWith("# Trailmap template: ").contains("\nid: " + name + "-");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("trailmap.maps.templates.Templates#all")
  void validatesAgainstThePublishedSchema(String name, MapState state) {
    assertThat(MapSchema.problems(tree(name, state))).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("trailmap.maps.templates.Templates#all")
  void isNamedForTemplateAndStateWithAnOwnerAndA2027ReviewDate(String name, MapState state) {
    JsonNode map = tree(name, state);

    assertThat(map.path("id").asText()).isEqualTo(name + "-" + state.wireName());
    assertThat(map.path("state").asText()).isEqualTo(state.wireName());
    assertThat(map.path("owner").asText()).isNotBlank();
    assertThat(map.path("reviewBy").asText()).startsWith("2027-");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("trailmap.maps.templates.Templates#all")
  void usesEachIdOnceAndRefersOnlyToWhatIsOnTheMap(String name, MapState state) {
    JsonNode map = tree(name, state);
    List<String> touchpointIds = ids(touchpoints(map));
    Set<String> personaIds = Set.copyOf(ids(each(map.path("personas"))));

    assertThat(ids(each(map.path("stages")))).doesNotHaveDuplicates();
    assertThat(touchpointIds).doesNotHaveDuplicates();
    assertThat(ids(kpis(map))).doesNotHaveDuplicates().doesNotContain("");
    assertThat(touchpoints(map).flatMap(Templates::emotions).filter(e -> e.has("persona")))
        .allSatisfy(e -> assertThat(personaIds).contains(e.path("persona").asText()));
    assertThat(painPoints(map).map(p -> p.path("hypothesis")).filter(JsonNode::isObject))
        .allSatisfy(
            h -> {
              for (String field : List.of("touchpoint", "to")) {
                if (h.has(field)) {
                  assertThat(touchpointIds).contains(h.path(field).asText());
                }
              }
            });
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("trailmap.maps.templates.Templates#all")
  void fillsTheLanesOfMostTouchpoints(String name, MapState state) {
    JsonNode map = tree(name, state);
    List<JsonNode> touchpoints = touchpoints(map).toList();

    assertThat(touchpoints).hasSizeGreaterThanOrEqualTo(10);
    for (String lane : List.of("actions", "thoughts", "emotion", "opportunities", "backstage")) {
      long filled = touchpoints.stream().filter(tp -> !tp.path(lane).isEmpty()).count();
      assertThat(filled)
          .as("touchpoints with %s", lane)
          .isGreaterThanOrEqualTo(touchpoints.size() * 8 / 10);
    }
    long matched = touchpoints.stream().filter(tp -> tp.has("match")).count();
    assertThat(matched)
        .as("instrumented touchpoints")
        .isGreaterThanOrEqualTo(touchpoints.size() * 8 / 10);
    assertThat(each(map.path("stages")))
        .allSatisfy(stage -> assertThat(stage.path("kpis")).isNotEmpty());
    assertThat(painPoints(map)).allSatisfy(p -> assertThat(p.path("backstage")).isNotEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trailmap.maps.templates.Templates#all")
  void statesTestableHypothesesWithinTheMetricsRange(String name, MapState state) {
    List<JsonNode> hypotheses =
        painPoints(tree(name, state))
            .map(p -> p.path("hypothesis"))
            .filter(JsonNode::isObject)
            .toList();

    if (state == MapState.CURRENT) {
      assertThat(hypotheses)
          .as("a current-state map brings claims to test")
          .hasSizeGreaterThanOrEqualTo(3);
    }
    assertThat(hypotheses)
        .allSatisfy(
            h -> {
              String metric = h.path("metric").asText();
              Predicate<Double> inRange =
                  switch (metric) {
                    case "drop-off", "conversion", "csat" -> v -> v >= 0 && v <= 1;
                    case "ces" -> v -> v >= 1 && v <= 7;
                    case "nps" -> v -> v >= -100 && v <= 100;
                    case "time-to-next" -> v -> v >= 0;
                    default -> v -> false;
                  };
              for (String bound : List.of("atLeast", "atMost")) {
                if (h.has(bound)) {
                  assertThat(h.path(bound).asDouble()).as("%s %s", metric, bound).matches(inRange);
                }
              }
              if (h.has("to")) {
                assertThat(metric).isIn("drop-off", "conversion", "time-to-next");
              }
              // The words must claim what the bound tests, or a "supported" verdict misleads.
              String claim = h.path("claim").asText().toLowerCase(Locale.ROOT);
              if (h.has("atLeast") != h.has("atMost")) {
                assertThat(claim).contains(h.has("atLeast") ? "at least" : "at most");
              }
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trailmap.maps.templates.Templates#all")
  void measuresTodayInTheCurrentStateAndOnlyAimsInTheFuture(String name, MapState state) {
    List<JsonNode> kpis = kpis(tree(name, state)).toList();

    assertThat(kpis)
        .hasSizeGreaterThanOrEqualTo(8)
        .allSatisfy(k -> assertThat(k.has("target")).isTrue());
    assertThat(kpis)
        .allSatisfy(k -> assertThat(k.has("current")).isEqualTo(state == MapState.CURRENT));
  }

  @Test
  void retailGivesEachOfItsTwoPersonasAnEmotionCurve() {
    for (MapState state : MapState.values()) {
      JsonNode map = tree("retail", state);
      Set<String> personas = Set.copyOf(ids(each(map.path("personas"))));

      assertThat(personas).hasSize(2);
      assertThat(touchpoints(map).filter(tp -> tp.has("emotion")))
          .allSatisfy(
              tp ->
                  assertThat(
                          emotions(tp)
                              .map(e -> e.path("persona").asText())
                              .collect(Collectors.toSet()))
                      .as("personas feeling touchpoint %s", tp.path("id").asText())
                      .isEqualTo(personas));
    }
  }

  @Test
  void saasFollowsAlexFromTheLinkedInAdToAReferral() {
    JsonNode map = tree("saas", MapState.CURRENT);

    assertThat(map.path("personas").path(0).path("name").asText()).isEqualTo("Alex");
    assertThat(ids(each(map.path("stages"))))
        .containsExactly("awareness", "consideration", "purchase", "retention", "advocacy");
    assertThat(ids(touchpoints(map)))
        .containsSubsequence(
            "linkedin-ad",
            "case-studies",
            "pricing",
            "trial-signup",
            "billing-support",
            "referral");
  }

  @Test
  void bankFollowsTheApplicantFromTheAdThroughTheWebFormToTheFirstDeposit() {
    JsonNode map = tree("bank", MapState.CURRENT);

    assertThat(ids(touchpoints(map)))
        .containsSubsequence(
            "social-ad", "application-form", "identity-check", "first-deposit", "card-activation");
    assertThat(painPoints(map).map(p -> p.path("text").asText()))
        .anySatisfy(text -> assertThat(text).containsIgnoringCase("web form"));
  }
}
