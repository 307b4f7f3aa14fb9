package trailmap.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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

/** What {@link MapDiff#changes()} reports for each kind of edit, and in which order. */
class MapDiffTest {

  /**
   * Two personas; awareness (goal, KPI, touchpoint ad with every lane), purchase (trial, pricing)
   * and an empty retention stage.
   */
  static MapFixture base() {
    return MapFixture.map("saas")
        .name("SaaS")
        .owner("CX team")
        .persona("alex", p -> p.name("Alex"))
        .persona("sam", p -> p.name("Sam"))
        .stage(
            "awareness",
            s ->
                s.name("Awareness")
                    .goal("Know we exist")
                    .kpi("reach", k -> k.target(1000.0))
                    .touchpoint(
                        "ad",
                        t ->
                            t.name("LinkedIn ad")
                                .channel("ads")
                                .matchEvent("Ad Clicked")
                                .action("Clicks the ad")
                                .thought("Could this save me time?")
                                .emotion("alex", 1, "curious")
                                .painPoint("Ad overpromises", Severity.MEDIUM)
                                .opportunity("Show a video")
                                .kpi("ctr", k -> k.target(1.2).current(0.8).unit("%"))
                                .backstage("Agency")))
        .stage(
            "purchase",
            s ->
                s.name("Purchase")
                    .touchpoint("trial", t -> t.name("Free trial"))
                    .touchpoint("pricing", t -> t.name("Pricing page")))
        .stage("retention", s -> s.name("Retention"));
  }

  static Stream<Arguments> singleEdits() {
    return Stream.of(
        edit(
            "map name",
            m -> m.name("SaaS v2"),
            changed(Element.MAP, "saas", "name", "SaaS", "SaaS v2")),
        edit("map id", m -> m.id("saas-2"), changed(Element.MAP, "saas-2", "id", "saas", "saas-2")),
        edit(
            "map state",
            m -> m.state(MapState.FUTURE),
            changed(Element.MAP, "saas", "state", "current", "future")),
        edit(
            "map owner removed",
            m -> m.owner(""),
            changed(Element.MAP, "saas", "owner", "CX team", null)),
        edit(
            "map description set",
            m -> m.description("Alex"),
            changed(Element.MAP, "saas", "description", null, "Alex")),
        edit(
            "map review date set",
            m -> m.reviewBy(LocalDate.of(2027, 3, 31)),
            changed(Element.MAP, "saas", "reviewBy", null, "2027-03-31")),
        edit(
            "map improves set",
            m -> m.improves("saas-current"),
            changed(Element.MAP, "saas", "improves", null, "saas-current")),
        edit(
            "persona added",
            m -> m.persona("kim").name("Kim"),
            change(Kind.ADDED, Element.PERSONA, null, null, "kim", null, null, "Kim")),
        edit(
            "persona removed",
            m -> m.removePersona("sam"),
            change(Kind.REMOVED, Element.PERSONA, null, null, "sam", null, "Sam", null)),
        edit(
            "persona renamed",
            m -> m.persona("sam").name("Samuel"),
            changed(Element.PERSONA, "sam", "name", "Sam", "Samuel")),
        edit(
            "persona goal added",
            m -> m.persona("sam").goals.add("Save time"),
            changed(Element.PERSONA, "sam", "goals", null, "[Save time]")),
        edit(
            "stage added",
            m -> m.stage("advocacy").name("Advocacy"),
            change(
                Kind.ADDED, Element.STAGE, "advocacy", null, "advocacy", null, null, "Advocacy")),
        edit(
            "stage removed",
            m -> m.removeStage("retention"),
            change(
                Kind.REMOVED,
                Element.STAGE,
                "retention",
                null,
                "retention",
                null,
                "Retention",
                null)),
        edit(
            "stage renamed",
            m -> m.stage("retention").name("Keep"),
            change(
                Kind.CHANGED,
                Element.STAGE,
                "retention",
                null,
                "retention",
                "name",
                "Retention",
                "Keep")),
        edit(
            "stage moved first",
            m -> m.moveStage("retention", 0),
            change(
                Kind.MOVED, Element.STAGE, "retention", null, "retention", "position", "3", "1")),
        edit(
            "stage goal added",
            m -> m.stage("purchase").goal("Pay"),
            change(Kind.ADDED, Element.GOAL, "purchase", null, "Pay", null, null, "Pay")),
        edit(
            "stage goal removed",
            m -> m.stage("awareness").goals.clear(),
            change(
                Kind.REMOVED,
                Element.GOAL,
                "awareness",
                null,
                "Know we exist",
                null,
                "Know we exist",
                null)),
        edit(
            "stage KPI added",
            m -> m.stage("purchase").kpi("paid").name("Paid"),
            change(Kind.ADDED, Element.KPI, "purchase", null, "paid", null, null, "Paid")),
        edit(
            "stage KPI removed",
            m -> m.stage("awareness").kpis.clear(),
            change(Kind.REMOVED, Element.KPI, "awareness", null, "reach", null, "KPI reach", null)),
        edit(
            "stage KPI target",
            m -> m.stage("awareness").kpi("reach").target(1500.0),
            change(
                Kind.CHANGED, Element.KPI, "awareness", null, "reach", "target", "1000", "1500")),
        edit(
            "touchpoint added",
            m -> m.stage("purchase").touchpoint("checkout").name("Checkout"),
            onTouchpoint(
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
            onTouchpoint(
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
            onTouchpoint(
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
            onTouchpoint(
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
            "emotion for all personas",
            m -> m.touchpoint("ad").emotion(null, 0, ""),
            onAd(Kind.ADDED, Element.EMOTION, "", null, null, "0")),
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
    MapFixture after = base();
    edit.accept(after);

    assertThat(MapDiff.between(base().build(), after.build()).changes()).containsExactly(expected);
  }

  @Test
  void reportsNothingForEqualMaps() {
    MapDiff diff = MapDiff.between(base().build(), base().build());

    assertThat(diff.changes()).isEmpty();
    assertThat(diff.hasChanges()).isFalse();
  }

  @Test
  void reportsATouchpointInAnotherStageAsMovedWithItsOwnChangesUnderTheNewStage() {
    MapFixture after = base().moveTouchpoint("ad", "purchase");
    after.touchpoint("ad").channel("social");

    assertThat(MapDiff.between(base().build(), after.build()).changes())
        .containsExactly(
            onTouchpoint(
                Kind.MOVED,
                Element.TOUCHPOINT,
                "purchase",
                "ad",
                "ad",
                "stage",
                "awareness",
                "purchase"),
            onTouchpoint(
                Kind.CHANGED,
                Element.TOUCHPOINT,
                "purchase",
                "ad",
                "ad",
                "channel",
                "ads",
                "social"));
  }

  @Test
  void reportsATouchpointMovedIntoANewStageAsMovedNotAdded() {
    MapFixture after = base().moveTouchpoint("trial", "onboarding");
    after.stage("onboarding").name("Onboarding");

    assertThat(MapDiff.between(base().build(), after.build()).changes())
        .containsExactly(
            change(
                Kind.ADDED,
                Element.STAGE,
                "onboarding",
                null,
                "onboarding",
                null,
                null,
                "Onboarding"),
            onTouchpoint(
                Kind.MOVED,
                Element.TOUCHPOINT,
                "onboarding",
                "trial",
                "trial",
                "stage",
                "purchase",
                "onboarding"));
  }

  @Test
  void reportsTheTouchpointsOfARemovedStageAfterTheStage() {
    MapFixture after = base().removeStage("purchase");

    assertThat(MapDiff.between(base().build(), after.build()).changes())
        .containsExactly(
            change(
                Kind.REMOVED, Element.STAGE, "purchase", null, "purchase", null, "Purchase", null),
            onTouchpoint(
                Kind.REMOVED,
                Element.TOUCHPOINT,
                "purchase",
                "trial",
                "trial",
                null,
                "Free trial",
                null),
            onTouchpoint(
                Kind.REMOVED,
                Element.TOUCHPOINT,
                "purchase",
                "pricing",
                "pricing",
                null,
                "Pricing page",
                null));
  }

  @Test
  void ordersMapFieldsThenPersonasThenStagesInTheNewOrderThenRemovedStages() {
    MapFixture after =
        base()
            .name("SaaS v2")
            .removePersona("alex")
            .removeStage("awareness")
            .moveStage("retention", 0);
    after.touchpoint("trial").action("Signs up");
    after.stage("purchase").removeTouchpoint("pricing");
    after.persona("kim").name("Kim");

    assertThat(MapDiff.between(base().build(), after.build()).changes())
        .extracting(MapDiffText::line)
        .containsExactly(
            "~ map: name 'SaaS' → 'SaaS v2'",
            "+ persona 'kim' (Kim)",
            "- persona 'alex' (Alex)",
            "> stage 'retention': position 3 → 1",
            "+ stage 'purchase' › touchpoint 'trial' › action 'Signs up'",
            "- stage 'purchase' › touchpoint 'pricing' (Pricing page)",
            "- stage 'awareness' (Awareness)",
            "- stage 'awareness' › touchpoint 'ad' (LinkedIn ad)");
  }

  @Test
  void matchesRepeatedEntriesOneToOne() {
    MapFixture before = base();
    before.touchpoint("trial").action("Waits").action("Waits");
    MapFixture after = base();
    after.touchpoint("trial").action("Waits");

    assertThat(MapDiff.between(before.build(), after.build()).changes())
        .containsExactly(
            onTouchpoint(
                Kind.REMOVED, Element.ACTION, "purchase", "trial", "Waits", null, "Waits", null));
  }

  @Test
  void ignoresTheOrderOfLaneEntries() {
    MapFixture before = base();
    before.touchpoint("trial").action("Signs up").action("Waits");
    MapFixture after = base();
    after.touchpoint("trial").action("Waits").action("Signs up");

    assertThat(MapDiff.between(before.build(), after.build()).changes()).isEmpty();
  }

  @Test
  void listsOnlyChangesOfTheRequestedKind() {
    MapFixture after = base().removeStage("retention");
    after.stage("advocacy");

    MapDiff diff = MapDiff.between(base().build(), after.build());

    assertThat(diff.changes(Kind.ADDED)).extracting(MapChange::item).containsExactly("advocacy");
    assertThat(diff.changes(Kind.REMOVED)).extracting(MapChange::item).containsExactly("retention");
  }

  @Test
  void rejectsAMissingMap() {
    JourneyMap map = base().build();

    assertThatThrownBy(() -> MapDiff.between(map, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MapDiff.between needs two maps, got null");
  }

  @Test
  void rejectsAChangedFieldWithoutAFieldName() {
    assertThatThrownBy(
            () ->
                new MapChange(
                    Kind.CHANGED,
                    Element.KPI,
                    Optional.of("s"),
                    Optional.empty(),
                    "k",
                    Optional.empty(),
                    Optional.of("1"),
                    Optional.of("2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a changed KPI change must name its field");
  }

  private static Arguments edit(String name, Consumer<MapFixture> edit, MapChange expected) {
    return Arguments.of(name, edit, expected);
  }

  static MapChange changed(
      Element element, String item, String field, String before, String after) {
    return change(Kind.CHANGED, element, null, null, item, field, before, after);
  }

  static MapChange onAd(
      Kind kind, Element element, String item, String field, String before, String after) {
    return onTouchpoint(kind, element, "awareness", "ad", item, field, before, after);
  }

  static MapChange onTouchpoint(
      Kind kind,
      Element element,
      String stage,
      String touchpoint,
      String item,
      String field,
      String before,
      String after) {
    return change(kind, element, stage, touchpoint, item, field, before, after);
  }

  /** A change; {@code null} stands for an empty Optional to keep the table short. */
  static MapChange change(
      Kind kind,
      Element element,
      String stage,
      String touchpoint,
      String item,
      String field,
      String before,
      String after) {
    return new MapChange(
        kind,
        element,
        Optional.ofNullable(stage),
        Optional.ofNullable(touchpoint),
        item,
        Optional.ofNullable(field),
        Optional.ofNullable(before),
        Optional.ofNullable(after));
  }
}
