package trailmap.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trailmap.maps.MapChange.Element;
import trailmap.maps.MapChange.Kind;

/** The terminal rendering of a diff: change lines, then the KPI gap table. */
class MapDiffTextTest {

  private static MapFixture current() {
    return MapFixture.map("saas-current")
        .name("SaaS")
        .persona("alex", p -> p.name("Alex"))
        .stage(
            "consideration",
            s ->
                s.name("Consideration")
                    .touchpoint(
                        "trial",
                        t ->
                            t.name("Free trial")
                                .painPoint("Card needed up front", Severity.HIGH)
                                .emotion("alex", -1, "wary")
                                .kpi("trial-conv", k -> k.target(20.0).current(12.0).unit("%"))))
        .stage(
            "purchase",
            s ->
                s.name("Purchase")
                    .kpi("ttv", k -> k.current(14.0).unit("days").better(Kpi.Direction.LOWER)))
        .stage("advocacy", s -> s.name("Advocacy").kpi("nps", k -> k.name("NPS").current(20.0)));
  }

  private static MapFixture future() {
    MapFixture future =
        current()
            .id("saas-future")
            .state(MapState.FUTURE)
            .improves("saas-current")
            .moveTouchpoint("trial", "purchase")
            .removeStage("advocacy");
    future
        .touchpoint("trial")
        .painPoint("Card needed up front", Severity.LOW)
        .emotion("alex", 1, "wary")
        .opportunity("No card for the trial");
    future.touchpoint("trial").kpi("trial-conv").target(25.0).current(null);
    future.stage("purchase").kpi("ttv").target(7.0).current(null);
    future.stage("purchase").kpi("mrr", k -> k.name("MRR").target(5000.0).unit("€"));
    return future;
  }

  @Test
  void rendersEachChangeOnALineAndTheKpiGapsAsATable() {
    String text = MapDiffText.render(MapDiff.between(current().build(), future().build()));

    assertThat(text)
        .isEqualTo(
            """
            ~ map: id saas-current → saas-future
            ~ map: state current → future
            ~ map: improves (none) → saas-current
            ~ stage 'purchase' › KPI 'ttv': target (none) → 7
            ~ stage 'purchase' › KPI 'ttv': current 14 → (none)
            + stage 'purchase' › KPI 'mrr' (MRR)
            > stage 'purchase' › touchpoint 'trial': stage consideration → purchase
            ~ stage 'purchase' › touchpoint 'trial' › emotion of 'alex': score -1 → 1
            ~ stage 'purchase' › touchpoint 'trial' › pain point 'Card needed up front': severity high → low
            + stage 'purchase' › touchpoint 'trial' › opportunity 'No card for the trial'
            ~ stage 'purchase' › touchpoint 'trial' › KPI 'trial-conv': target 20 → 25
            ~ stage 'purchase' › touchpoint 'trial' › KPI 'trial-conv': current 12 → (none)
            - stage 'advocacy' (Advocacy)

            KPI         where                                      now  target              gap
            ttv         stage 'purchase'                       14 days  7 days          -7 days  ✓
            mrr         stage 'purchase'                             —   5000€  only in new map
            trial-conv  stage 'purchase' › touchpoint 'trial'      12%     25%             +13%  ✓
            nps         stage 'advocacy'                            20       —  only in old map
            """);
  }

  @Test
  void saysNoDifferencesForEqualMapsWithoutKpis() {
    JourneyMap map = MapFixture.map("m").stage("awareness", s -> s.touchpoint("ad")).build();

    assertThat(MapDiffText.render(MapDiff.between(map, map))).isEqualTo("no differences\n");
  }

  @Test
  void stillShowsHowFarEachKpiIsFromItsTargetWhenNothingChanged() {
    JourneyMap map =
        MapFixture.map("m")
            .stage("awareness", s -> s.kpi("reach", k -> k.target(10.0).current(10.0)))
            .build();

    assertThat(MapDiffText.render(MapDiff.between(map, map)))
        .isEqualTo(
            """
            no differences

            KPI    where              now  target  gap
            reach  stage 'awareness'   10      10    0  =
            """);
  }

  @Test
  void marksAKpiThatMovesTheWrongWay() {
    String table =
        MapDiffText.kpiTable(
            List.of(
                new KpiGap(
                    "churn",
                    "Churn",
                    "retention",
                    Optional.empty(),
                    KpiGap.Presence.BOTH,
                    Optional.of(2.5),
                    Optional.of(3.0),
                    Optional.of(0.5),
                    "%",
                    Kpi.Direction.LOWER,
                    Optional.of(false))));

    assertThat(table)
        .isEqualTo(
            """
            KPI    where               now  target    gap
            churn  stage 'retention'  2.5%      3%  +0.5%  ✗
            """);
  }

  @Test
  void writesAGapWithoutATargetAsADash() {
    String table =
        MapDiffText.kpiTable(
            List.of(
                new KpiGap(
                    "nps",
                    "NPS",
                    "advocacy",
                    Optional.empty(),
                    KpiGap.Presence.BOTH,
                    Optional.of(20.0),
                    Optional.empty(),
                    Optional.empty(),
                    "",
                    Kpi.Direction.HIGHER,
                    Optional.empty())));

    assertThat(table).endsWith("nps  stage 'advocacy'   20       —    —\n");
  }

  @Test
  void namesAnEmotionForEveryPersonaAndQuotesFreeText() {
    MapChange emotion =
        new MapChange(
            Kind.CHANGED,
            Element.EMOTION,
            Optional.of("purchase"),
            Optional.of("trial"),
            "",
            Optional.of("label"),
            Optional.of("wary"),
            Optional.of("quite happy"));

    assertThat(MapDiffText.line(emotion))
        .isEqualTo(
            "~ stage 'purchase' › touchpoint 'trial' › emotion of all personas: label wary → 'quite happy'");
  }

  @Test
  void writesAPersonaChangeWithoutAStage() {
    MapChange persona =
        new MapChange(
            Kind.REMOVED,
            Element.PERSONA,
            Optional.empty(),
            Optional.empty(),
            "sam",
            Optional.empty(),
            Optional.of("Sam"),
            Optional.empty());

    assertThat(MapDiffText.line(persona)).isEqualTo("- persona 'sam' (Sam)");
  }

  @Test
  void keepsAMultiLineValueOnOneLineAndEscapesControlCharacters() {
    JourneyMap before = MapFixture.map("m").description("Line one\nline two").build();
    JourneyMap after = MapFixture.map("m").description("Plain\u001b[31m red").build();

    assertThat(MapDiffText.render(MapDiff.between(before, after)))
        .isEqualTo("~ map: description 'Line one\\nline two' → 'Plain\\u001b[31m red'\n");
  }
}
