package trailmap.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trailmap.maps.Changes.change;
import static trailmap.maps.Changes.changed;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import trailmap.maps.MapChange.Element;
import trailmap.maps.MapChange.Kind;

/**
 * What {@link MapDiff#changes()} reports for edits of the map, its personas and its stages, and in
 * which order; edits inside a touchpoint are in {@link TouchpointDiffTest}.
 */
class MapDiffTest {

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
                Kind.CHANGED, Element.KPI, "awareness", null, "reach", "target", "1000", "1500")));
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
  void reportsNothingForEqualMaps() {
    MapDiff diff = MapDiff.between(MapFixture.saas().build(), MapFixture.saas().build());

    assertThat(diff.changes()).isEmpty();
    assertThat(diff.hasChanges()).isFalse();
  }

  @Test
  void reportsATouchpointInAnotherStageAsMovedWithItsOwnChangesUnderTheNewStage() {
    MapFixture after = MapFixture.saas().moveTouchpoint("ad", "purchase");
    after.touchpoint("ad").channel("social");

    assertThat(MapDiff.between(MapFixture.saas().build(), after.build()).changes())
        .containsExactly(
            change(
                Kind.MOVED,
                Element.TOUCHPOINT,
                "purchase",
                "ad",
                "ad",
                "stage",
                "awareness",
                "purchase"),
            change(
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
    MapFixture after = MapFixture.saas().moveTouchpoint("trial", "onboarding");
    after.stage("onboarding").name("Onboarding");

    assertThat(MapDiff.between(MapFixture.saas().build(), after.build()).changes())
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
            change(
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
    MapFixture after = MapFixture.saas().removeStage("purchase");

    assertThat(MapDiff.between(MapFixture.saas().build(), after.build()).changes())
        .containsExactly(
            change(
                Kind.REMOVED, Element.STAGE, "purchase", null, "purchase", null, "Purchase", null),
            change(
                Kind.REMOVED,
                Element.TOUCHPOINT,
                "purchase",
                "trial",
                "trial",
                null,
                "Free trial",
                null),
            change(
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
        MapFixture.saas()
            .name("SaaS v2")
            .removePersona("alex")
            .removeStage("awareness")
            .moveStage("retention", 0);
    after.touchpoint("trial").action("Signs up");
    after.stage("purchase").removeTouchpoint("pricing");
    after.persona("kim").name("Kim");

    assertThat(MapDiff.between(MapFixture.saas().build(), after.build()).changes())
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
    MapFixture before = MapFixture.saas();
    before.touchpoint("trial").action("Waits").action("Waits");
    MapFixture after = MapFixture.saas();
    after.touchpoint("trial").action("Waits");

    assertThat(MapDiff.between(before.build(), after.build()).changes())
        .containsExactly(
            change(
                Kind.REMOVED, Element.ACTION, "purchase", "trial", "Waits", null, "Waits", null));
  }

  @Test
  void ignoresTheOrderOfLaneEntries() {
    MapFixture before = MapFixture.saas();
    before.touchpoint("trial").action("Signs up").action("Waits");
    MapFixture after = MapFixture.saas();
    after.touchpoint("trial").action("Waits").action("Signs up");

    assertThat(MapDiff.between(before.build(), after.build()).changes()).isEmpty();
  }

  @Test
  void listsOnlyChangesOfTheRequestedKind() {
    MapFixture after = MapFixture.saas().removeStage("retention");
    after.stage("advocacy");

    MapDiff diff = MapDiff.between(MapFixture.saas().build(), after.build());

    assertThat(diff.changes(Kind.ADDED)).extracting(MapChange::item).containsExactly("advocacy");
    assertThat(diff.changes(Kind.REMOVED)).extracting(MapChange::item).containsExactly("retention");
  }

  @Test
  void rejectsAMissingMap() {
    JourneyMap map = MapFixture.saas().build();

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
}
