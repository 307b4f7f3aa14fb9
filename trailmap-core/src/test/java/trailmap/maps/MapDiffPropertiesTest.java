package trailmap.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.maps.MapChange.Kind;

/** Invariants of the diff over random maps drawn from small, overlapping pools. */
class MapDiffPropertiesTest {

  @Provide
  Arbitrary<JourneyMap> maps() {
    return RandomMaps.maps();
  }

  @Property(tries = 300)
  void aMapHasNoDifferencesWithItself(@ForAll("maps") JourneyMap map) {
    MapDiff diff = MapDiff.between(map, map);

    assertThat(diff.changes()).isEmpty();
    assertThat(diff.kpiGaps()).allMatch(gap -> gap.presence() == KpiGap.Presence.BOTH);
    assertThat(MapDiffText.render(diff)).startsWith("no differences\n");
  }

  @Property(tries = 300)
  void everyAdditionIsARemovalTheOtherWayRound(
      @ForAll("maps") JourneyMap a, @ForAll("maps") JourneyMap b) {
    List<MapChange> forward = MapDiff.between(a, b).changes();
    List<MapChange> backward = MapDiff.between(b, a).changes();

    assertThat(counts(backward, only(Kind.REMOVED)))
        .isEqualTo(
            counts(forward, c -> only(Kind.ADDED).apply(c).map(MapDiffPropertiesTest::mirror)));
    assertThat(counts(backward, only(Kind.ADDED)))
        .isEqualTo(
            counts(forward, c -> only(Kind.REMOVED).apply(c).map(MapDiffPropertiesTest::mirror)));
  }

  @Property(tries = 300)
  void everyChangedValueChangesBackTheOtherWayRound(
      @ForAll("maps") JourneyMap a, @ForAll("maps") JourneyMap b) {
    List<MapChange> forward = MapDiff.between(a, b).changes();
    List<MapChange> backward = MapDiff.between(b, a).changes();

    assertThat(counts(backward, only(Kind.CHANGED)))
        .isEqualTo(
            counts(forward, c -> only(Kind.CHANGED).apply(c).map(MapDiffPropertiesTest::mirror)));
  }

  @Property(tries = 300)
  void aTouchpointMovedBetweenStagesMovesBackTheOtherWayRound(
      @ForAll("maps") JourneyMap a, @ForAll("maps") JourneyMap b) {
    Function<MapChange, Optional<String>> stageMove =
        c ->
            c.kind() == Kind.MOVED && c.field().equals(Optional.of("stage"))
                ? Optional.of(
                    c.item() + ": " + c.before().orElseThrow() + " → " + c.after().orElseThrow())
                : Optional.empty();
    Function<MapChange, Optional<String>> reversed =
        c ->
            stageMove
                .apply(c)
                .map(
                    m ->
                        c.item()
                            + ": "
                            + c.after().orElseThrow()
                            + " → "
                            + c.before().orElseThrow());

    assertThat(counts(MapDiff.between(b, a).changes(), stageMove))
        .isEqualTo(counts(MapDiff.between(a, b).changes(), reversed));
  }

  @Property(tries = 300)
  void kpiGapsPairTheSameKpisInBothDirections(
      @ForAll("maps") JourneyMap a, @ForAll("maps") JourneyMap b) {
    List<KpiGap> forward = MapDiff.between(a, b).kpiGaps();
    List<KpiGap> backward = MapDiff.between(b, a).kpiGaps();

    assertThat(presence(backward, KpiGap.Presence.BOTH))
        .isEqualTo(presence(forward, KpiGap.Presence.BOTH));
    assertThat(presence(backward, KpiGap.Presence.AFTER_ONLY))
        .isEqualTo(presence(forward, KpiGap.Presence.BEFORE_ONLY));
    assertThat(forward)
        .hasSize(kpiCount(a) + kpiCount(b) - (int) presence(forward, KpiGap.Presence.BOTH));
  }

  @Property(tries = 300)
  void theTextHasOneLinePerChangeAndNoTrailingBlanks(
      @ForAll("maps") JourneyMap a, @ForAll("maps") JourneyMap b) {
    MapDiff diff = MapDiff.between(a, b);
    String text = MapDiffText.render(diff);
    List<String> lines = text.lines().toList();

    assertThat(text).endsWith("\n");
    assertThat(lines).noneMatch(line -> line.endsWith(" "));
    assertThat(lines.stream().filter(l -> l.matches("[-+~>] .*")).count())
        .isEqualTo(diff.changes().size());
  }

  private static MapChange mirror(MapChange c) {
    Kind kind =
        switch (c.kind()) {
          case ADDED -> Kind.REMOVED;
          case REMOVED -> Kind.ADDED;
          case CHANGED, MOVED -> c.kind();
        };
    return new MapChange(
        kind, c.element(), c.stage(), c.touchpoint(), c.item(), c.field(), c.after(), c.before());
  }

  /**
   * The changes of one kind. Changes of and inside a touchpoint that moved name the stage the
   * touchpoint is in on each direction's "after" side, so there the stage is dropped: the
   * touchpoint id already says where the change is. Added and removed touchpoints keep it. A map
   * field names the new map's id as its item, which differs between the directions when the id
   * changed, so that is dropped as well.
   */
  private static Function<MapChange, Optional<MapChange>> only(Kind kind) {
    return c -> {
      if (c.kind() != kind) {
        return Optional.empty();
      }
      boolean addedOrRemovedTouchpoint =
          c.element() == MapChange.Element.TOUCHPOINT && c.kind() != Kind.CHANGED;
      boolean insideTouchpoint = c.touchpoint().isPresent() && !addedOrRemovedTouchpoint;
      return Optional.of(
          new MapChange(
              c.kind(),
              c.element(),
              insideTouchpoint ? Optional.empty() : c.stage(),
              c.touchpoint(),
              c.element() == MapChange.Element.MAP ? "" : c.item(),
              c.field(),
              c.before(),
              c.after()));
    };
  }

  private static <K> Map<K, Integer> counts(
      List<MapChange> changes, Function<MapChange, Optional<K>> key) {
    Map<K, Integer> counts = new HashMap<>();
    changes.forEach(c -> key.apply(c).ifPresent(k -> counts.merge(k, 1, Integer::sum)));
    return counts;
  }

  private static long presence(List<KpiGap> gaps, KpiGap.Presence presence) {
    return gaps.stream().filter(g -> g.presence() == presence).count();
  }

  private static int kpiCount(JourneyMap map) {
    return map.stages().stream().mapToInt(s -> s.kpis().size()).sum()
        + map.touchpoints().mapToInt(t -> t.kpis().size()).sum();
  }
}
