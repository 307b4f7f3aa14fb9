package trailmap.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** How {@link MapDiff#kpiGaps()} pairs KPIs and measures how far each one moves. */
class KpiGapTest {

  private static List<KpiGap> gaps(MapFixture before, MapFixture after) {
    return MapDiff.between(before.build(), after.build()).kpiGaps();
  }

  private static MapFixture withTrialKpi(Consumer<KpiFixture> kpi) {
    return MapFixture.map("saas")
        .stage("purchase", s -> s.touchpoint("trial", t -> t.kpi("conv", kpi)));
  }

  @Test
  void measuresFromTodaysValueToTheNewTargetForAHigherIsBetterKpi() {
    KpiGap gap =
        gaps(
                withTrialKpi(k -> k.target(20.0).current(12.0).unit("%")),
                withTrialKpi(k -> k.target(25.0).unit("%")))
            .getFirst();

    assertThat(gap)
        .isEqualTo(
            new KpiGap(
                "conv",
                "KPI conv",
                "purchase",
                Optional.of("trial"),
                KpiGap.Presence.BOTH,
                Optional.of(12.0),
                Optional.of(25.0),
                Optional.of(13.0),
                "%",
                Kpi.Direction.HIGHER,
                Optional.of(true)));
  }

  @Test
  void countsAFallForALowerIsBetterKpiAsAnImprovement() {
    KpiGap gap =
        gaps(
                withTrialKpi(k -> k.current(14.0).unit("days").better(Kpi.Direction.LOWER)),
                withTrialKpi(k -> k.target(7.0).unit("days").better(Kpi.Direction.LOWER)))
            .getFirst();

    assertThat(gap.gap()).contains(-7.0);
    assertThat(gap.improves()).contains(true);
  }

  @Test
  void countsARiseForALowerIsBetterKpiAsNoImprovement() {
    KpiGap gap =
        gaps(
                withTrialKpi(k -> k.current(14.0).better(Kpi.Direction.LOWER)),
                withTrialKpi(k -> k.target(20.0).better(Kpi.Direction.LOWER)))
            .getFirst();

    assertThat(gap.gap()).contains(6.0);
    assertThat(gap.improves()).contains(false);
  }

  @Test
  void countsAFallForAHigherIsBetterKpiAsNoImprovement() {
    KpiGap gap =
        gaps(withTrialKpi(k -> k.current(30.0)), withTrialKpi(k -> k.target(25.0))).getFirst();

    assertThat(gap.gap()).contains(-5.0);
    assertThat(gap.improves()).contains(false);
  }

  @Test
  void countsNoMovementAsNoImprovement() {
    KpiGap gap =
        gaps(withTrialKpi(k -> k.current(25.0)), withTrialKpi(k -> k.target(25.0))).getFirst();

    assertThat(gap.gap()).contains(0.0);
    assertThat(gap.improves()).contains(false);
  }

  @Test
  void startsFromTheOldTargetWhenNothingIsMeasuredYet() {
    KpiGap gap =
        gaps(withTrialKpi(k -> k.target(10.0)), withTrialKpi(k -> k.target(12.0))).getFirst();

    assertThat(gap.before()).contains(10.0);
    assertThat(gap.gap()).contains(2.0);
    assertThat(gap.improves()).contains(true);
  }

  @Test
  void hasNoGapWhenTheNewMapSetsNoTarget() {
    KpiGap gap =
        gaps(withTrialKpi(k -> k.current(10.0)), withTrialKpi(k -> k.current(11.0))).getFirst();

    assertThat(gap.presence()).isEqualTo(KpiGap.Presence.BOTH);
    assertThat(gap.before()).contains(10.0);
    assertThat(gap.after()).isEmpty();
    assertThat(gap.gap()).isEmpty();
    assertThat(gap.improves()).isEmpty();
  }

  @Test
  void subtractsInDecimalSoTenthsStayExact() {
    KpiGap gap =
        gaps(withTrialKpi(k -> k.current(0.1)), withTrialKpi(k -> k.target(0.3))).getFirst();

    assertThat(gap.gap()).contains(0.2);
  }

  @Test
  void listsKpisOnOneSideOnlyWithNewOnesInMapOrderAndOldOnesLast() {
    MapFixture before =
        MapFixture.map("m").stage("purchase", s -> s.kpi("gone", k -> k.current(3.0)));
    MapFixture after =
        MapFixture.map("m").stage("purchase", s -> s.kpi("fresh", k -> k.target(5.0)));

    assertThat(gaps(before, after))
        .extracting(KpiGap::kpi, KpiGap::presence, KpiGap::before, KpiGap::after)
        .containsExactly(
            tuple("fresh", KpiGap.Presence.AFTER_ONLY, Optional.empty(), Optional.of(5.0)),
            tuple("gone", KpiGap.Presence.BEFORE_ONLY, Optional.of(3.0), Optional.empty()));
  }

  @Test
  void pairsAKpiOnAMovedTouchpointByTheTouchpointId() {
    MapFixture before = withTrialKpi(k -> k.current(10.0));
    MapFixture after = withTrialKpi(k -> k.target(15.0)).moveTouchpoint("trial", "onboarding");

    KpiGap gap = gaps(before, after).getFirst();

    assertThat(gap.presence()).isEqualTo(KpiGap.Presence.BOTH);
    assertThat(gap.stage()).isEqualTo("onboarding");
    assertThat(gap.gap()).contains(5.0);
  }

  @Test
  void pairsAKpiThatChangedOwnerWhenItsIdIsUnique() {
    MapFixture before =
        MapFixture.map("m").stage("purchase", s -> s.kpi("conv", k -> k.current(10.0)));
    MapFixture after = withTrialKpi(k -> k.target(20.0));

    assertThat(gaps(before, after))
        .singleElement()
        .satisfies(
            gap -> {
              assertThat(gap.presence()).isEqualTo(KpiGap.Presence.BOTH);
              assertThat(gap.touchpoint()).contains("trial");
              assertThat(gap.gap()).contains(10.0);
            });
  }

  @Test
  void leavesAKpiUnpairedWhenItsIdIsAmbiguous() {
    MapFixture before =
        MapFixture.map("m")
            .stage("purchase", s -> s.kpi("conv", k -> k.current(10.0)))
            .stage("retention", s -> s.kpi("conv", k -> k.current(50.0)));
    MapFixture after = withTrialKpi(k -> k.target(20.0));

    assertThat(gaps(before, after))
        .extracting(KpiGap::presence)
        .containsExactly(
            KpiGap.Presence.AFTER_ONLY, KpiGap.Presence.BEFORE_ONLY, KpiGap.Presence.BEFORE_ONLY);
  }

  @Test
  void pairsStageAndTouchpointKpisWithTheSameIdSeparately() {
    MapFixture before =
        withTrialKpi(k -> k.current(1.0))
            .stage("purchase", s -> s.kpi("conv", k -> k.current(2.0)));
    MapFixture after =
        withTrialKpi(k -> k.target(10.0))
            .stage("purchase", s -> s.kpi("conv", k -> k.target(20.0)));

    assertThat(gaps(before, after))
        .extracting(KpiGap::touchpoint, KpiGap::gap)
        .containsExactly(
            tuple(Optional.empty(), Optional.of(18.0)),
            tuple(Optional.of("trial"), Optional.of(9.0)));
  }
}
