package trailmap.analytics.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.analytics.EventTable;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.JourneyMaps;
import trailmap.analytics.LoggedEvent;
import trailmap.maps.JourneyMap;

class ConformancePropertiesTest {

  @Provide
  Arbitrary<List<LoggedEvent>> logs() {
    return JourneyLogs.logs();
  }

  @Provide
  Arbitrary<JourneyMap> maps() {
    return JourneyMaps.maps("m");
  }

  @Provide
  Arbitrary<ConformanceRules> rules() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 20).map(s -> s * 1_000_000L),
            Arbitraries.longs().between(21, 45).map(s -> s * 1_000_000L),
            Arbitraries.of(true, false),
            Arbitraries.of(JourneyLogs.NAMES).set().ofMaxSize(2))
        .as(ConformanceRules::new);
  }

  @Property(tries = 500)
  void conformanceEqualsTheReference(
      @ForAll("logs") List<LoggedEvent> log,
      @ForAll("maps") JourneyMap map,
      @ForAll("rules") ConformanceRules rules) {
    EventTable table = JourneyLogs.table(log);

    assertThat(Conformance.of(table, map, rules))
        .isEqualTo(ReferenceConformance.of(JourneyLogs.journeys(log), map, rules));
  }

  @Property(tries = 200)
  void checkingTwoPartitionsAndMergingEqualsCheckingTheWhole(
      @ForAll("logs") List<LoggedEvent> log,
      @ForAll("maps") JourneyMap map,
      @ForAll("rules") ConformanceRules rules) {
    Set<String> left = Set.of("p1", "p5");

    ConformanceFound merged =
        check(log.stream().filter(e -> left.contains(e.profile())).toList(), map, rules)
            .merge(
                check(log.stream().filter(e -> !left.contains(e.profile())).toList(), map, rules));

    assertThat(merged).isEqualTo(check(log, map, rules));
  }

  private static ConformanceFound check(
      List<LoggedEvent> log, JourneyMap map, ConformanceRules rules) {
    return Conformance.of(JourneyLogs.table(log), map, rules);
  }
}
