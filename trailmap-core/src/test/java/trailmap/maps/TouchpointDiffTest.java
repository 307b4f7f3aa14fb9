package trailmap.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.maps.Changes.change;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import trailmap.maps.MapChange.Element;
import trailmap.maps.MapChange.Kind;

/** What {@link MapDiff#changes()} reports for each edit of a touchpoint and its lanes. */
class TouchpointDiffTest {

  static Stream<Arguments> singleEdits() {
    return Stream.of(
        edit(
            "touchpoint added",
            m -> m.stage("purchase").touchpoint("checkout").name("Checkout"),
            change(
                Kind.ADDED,
                Element.TOUCHPOINT,
                "purchase",
                "checkout",
                "checkout",
                null,
                null,
                "Checkout")),
        edit(
            "touchpoint removed",
            m -> m.stage("purchase").removeTouchpoint("pricing"),
            change(
                Kind.REMOVED,
                Element.TOUCHPOINT,
                "purchase",
                "pricing",
                "pricing",
                null,
                "Pricing page",
                null)),
        edit(
            "touchpoint renamed",
            m -> m.touchpoint("trial").name("Trial"),
            change(
                Kind.CHANGED,
                Element.TOUCHPOINT,
                "purchase",
                "trial",
                "trial",
                "name",
                "Free trial",
                "Trial")),
        edit(
            "touchpoint channel",
            m -> m.touchpoint("ad").channel("social"),
            onAd(Kind.CHANGED, Element.TOUCHPOINT, "ad", "channel", "ads", "social")),
        edit(
            "touchpoint matcher",
            m -> m.touchpoint("ad").matchEvent("Ad Viewed"),
            onAd(
                Kind.CHANGED,
                Element.TOUCHPOINT,
                "ad",
                "match",
                "event 'Ad Clicked', type track",
                "event 'Ad Viewed', type track")),
        edit(
            "touchpoint matcher removed",
            m -> m.touchpoint("ad").matcher = Optional.empty(),
            onAd(
                Kind.CHANGED,
                Element.TOUCHPOINT,
                "ad",
                "match",
                "event 'Ad Clicked', type track",
                null)),
        edit(
            "touchpoints reordered",
            m -> m.stage("purchase").moveTouchpoint("pricing", 0),
            change(
                Kind.MOVED,
                Element.TOUCHPOINT,
                "purchase",
                "trial",
                "trial",
                "position",
                "1",
                "2")),
        edit(
            "action added",
            m -> m.touchpoint("ad").action("Likes it"),
            onAd(Kind.ADDED, Element.ACTION, "Likes it", null, null, "Likes it")),
        edit(
            "action removed",
            m -> m.touchpoint("ad").actions.clear(),
            onAd(Kind.REMOVED, Element.ACTION, "Clicks the ad", null, "Clicks the ad", null)),
        edit(
            "thought added",
            m -> m.touchpoint("ad").thought("Pricey?"),
            onAd(Kind.ADDED, Element.THOUGHT, "Pricey?", null, null, "Pricey?")),
        edit(
            "thought removed",
            m -> m.touchpoint("ad").thoughts.clear(),
            onAd(
                Kind.REMOVED,
                Element.THOUGHT,
                "Could this save me time?",
                null,
                "Could this save me time?",
                null)),
        edit(
            "opportunity added",
            m -> m.touchpoint("ad").opportunity("Case study"),
            onAd(Kind.ADDED, Element.OPPORTUNITY, "Case study", null, null, "Case study")),
        edit(
            "opportunity removed",
            m -> m.touchpoint("ad").opportunities.clear(),
            onAd(Kind.REMOVED, Element.OPPORTUNITY, "Show a video", null, "Show a video", null)),
        edit(
            "backstage added",
            m -> m.touchpoint("ad").backstage("Paid social"),
            onAd(Kind.ADDED, Element.BACKSTAGE, "Paid social", null, null, "Paid social")),
        edit(
            "backstage removed",
            m -> m.touchpoint("ad").backstage.clear(),
            onAd(Kind.REMOVED, Element.BACKSTAGE, "Agency", null, "Agency", null)),
        edit(
            "emotion score",
            m -> m.touchpoint("ad").emotion("alex", -1, "curious"),
            onAd(Kind.CHANGED, Element.EMOTION, "alex", "score", "1", "-1")),
        edit(
            "emotion label",
            m -> m.touchpoint("ad").emotion("alex", 1, "hopeful"),
            onAd(Kind.CHANGED, Element.EMOTION, "alex", "label", "curious", "hopeful")),
        edit(
            "emotion of another persona",
            m -> m.touchpoint("ad").emotion("sam", -2, "annoyed"),
            onAd(Kind.ADDED, Element.EMOTION, "sam", null, null, "-2 annoyed")),
        edit(
            "emotion removed",
            m -> m.touchpoint("ad").emotions.clear(),
            onAd(Kind.REMOVED, Element.EMOTION, "alex", null, "1 curious", null)),
        edit(
            "pain point added",
            m -> m.touchpoint("ad").painPoint("Blurry", Severity.LOW),
            onAd(Kind.ADDED, Element.PAIN_POINT, "Blurry", null, null, "Blurry")),
        edit(
            "pain point removed",
            m -> m.touchpoint("ad").painPoints.clear(),
            onAd(
                Kind.REMOVED,
                Element.PAIN_POINT,
                "Ad overpromises",
                null,
                "Ad overpromises",
                null)),
        edit(
            "pain point severity",
            m -> m.touchpoint("ad").painPoint("Ad overpromises", Severity.CRITICAL),
            onAd(
                Kind.CHANGED,
                Element.PAIN_POINT,
                "Ad overpromises",
                "severity",
                "medium",
                "critical")),
        edit(
            "pain point backstage",
            m ->
                m.touchpoint("ad")
                    .painPoint(
                        new PainPoint(
                            "Ad overpromises",
                            Severity.MEDIUM,
                            List.of("Marketing"),
                            Optional.empty())),
            onAd(
                Kind.CHANGED,
                Element.PAIN_POINT,
                "Ad overpromises",
                "backstage",
                null,
                "[Marketing]")),
        edit(
            "pain point hypothesis",
            m ->
                m.touchpoint("ad")
                    .painPoint(
                        new PainPoint(
                            "Ad overpromises",
                            Severity.MEDIUM,
                            List.of(),
                            Optional.of(
                                new Hypothesis(
                                    "Most leave",
                                    HypothesisMetric.DROP_OFF,
                                    Optional.empty(),
                                    Optional.of("trial"),
                                    Optional.of(0.3),
                                    Optional.empty())))),
            onAd(
                Kind.CHANGED,
                Element.PAIN_POINT,
                "Ad overpromises",
                "hypothesis",
                null,
                "'Most leave' (drop-off to trial, at least 0.3)")),
        edit(
            "touchpoint KPI added",
            m -> m.touchpoint("ad").kpi("cpc").name("Cost per click"),
            onAd(Kind.ADDED, Element.KPI, "cpc", null, null, "Cost per click")),
        edit(
            "touchpoint KPI removed",
            m -> m.touchpoint("ad").kpis.clear(),
            onAd(Kind.REMOVED, Element.KPI, "ctr", null, "KPI ctr", null)),
        edit(
            "touchpoint KPI target",
            m -> m.touchpoint("ad").kpi("ctr").target(1.5),
            onAd(Kind.CHANGED, Element.KPI, "ctr", "target", "1.2", "1.5")),
        edit(
            "touchpoint KPI current dropped",
            m -> m.touchpoint("ad").kpi("ctr").current(null),
            onAd(Kind.CHANGED, Element.KPI, "ctr", "current", "0.8", null)),
        edit(
            "touchpoint KPI unit",
            m -> m.touchpoint("ad").kpi("ctr").unit("ratio"),
            onAd(Kind.CHANGED, Element.KPI, "ctr", "unit", "%", "ratio")),
        edit(
            "touchpoint KPI direction",
            m -> m.touchpoint("ad").kpi("ctr").better(Kpi.Direction.LOWER),
            onAd(Kind.CHANGED, Element.KPI, "ctr", "better", "higher", "lower")),
        edit(
            "touchpoint KPI renamed",
            m -> m.touchpoint("ad").kpi("ctr").name("CTR"),
            onAd(Kind.CHANGED, Element.KPI, "ctr", "name", "KPI ctr", "CTR")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("singleEdits")
  void reportsASingleEditAsExactlyOneChange(
      String name, Consumer<MapFixture> edit, MapChange expected) {
    MapFixture after = MapFixture.saas();
    edit.accept(after);

    assertThat(MapDiff.between(MapFixture.saas().build(), after.build()).changes())
        .containsExactly(expected);
  }

  @Test
  void anEmotionForEveryPersonaInPlaceOfOnePersonasIsARemovalAndAnAddition() {
    MapFixture after = MapFixture.saas();
    after.touchpoint("ad").emotions.clear();
    after.touchpoint("ad").emotion(null, 0, "");

    assertThat(MapDiff.between(MapFixture.saas().build(), after.build()).changes())
        .containsExactlyInAnyOrder(
            onAd(Kind.ADDED, Element.EMOTION, "", null, null, "0"),
            onAd(Kind.REMOVED, Element.EMOTION, "alex", null, "1 curious", null));
  }

  private static Arguments edit(String name, Consumer<MapFixture> edit, MapChange expected) {
    return Arguments.of(name, edit, expected);
  }

  /** A change on touchpoint 'ad' of stage 'awareness' in {@link MapFixture#saas()}. */
  private static MapChange onAd(
      Kind kind, Element element, String item, String field, String before, String after) {
    return change(kind, element, "awareness", "ad", item, field, before, after);
  }
}
