package trailmap.analytics.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.analytics.EventTable;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.JourneyMaps;
import trailmap.analytics.Labels;
import trailmap.analytics.LoggedEvent;
import trailmap.maps.JourneyMap;

class DiscoverPropertiesTest {

  @Provide
  Arbitrary<List<LoggedEvent>> logs() {
    return JourneyLogs.logs();
  }

  @Provide
  Arbitrary<JourneyMap> maps() {
    return JourneyMaps.maps("m");
  }

  @Property(tries = 300)
  void discoveryEqualsTheReferenceForEveryLabelling(
      @ForAll("logs") List<LoggedEvent> log,
      @ForAll("maps") JourneyMap map,
      @ForAll Labels labels) {
    EventTable table = JourneyLogs.table(log);

    Discovery engine = Discover.of(table, labels.engine(map, table));

    assertThat(engine)
        .isEqualTo(ReferenceDiscover.of(JourneyLogs.journeys(log), labels.reference(map)));
  }

  @Property(tries = 200)
  void discoveringTwoPartitionsAndMergingEqualsDiscoveringTheWhole(
      @ForAll("logs") List<LoggedEvent> log, @ForAll("maps") JourneyMap map) {
    Set<String> left = Set.of("p1", "p3");
    List<LoggedEvent> a = log.stream().filter(e -> left.contains(e.profile())).toList();
    List<LoggedEvent> b = log.stream().filter(e -> !left.contains(e.profile())).toList();

    Discovery merged = discover(a, map).merge(discover(b, map));

    assertThat(merged).isEqualTo(discover(log, map));
  }

  @Property(tries = 200)
  void countsAreConsistent(@ForAll("logs") List<LoggedEvent> log) {
    EventTable table = JourneyLogs.table(log);
    Discovery found = Discover.of(table, Labels.EVENT_NAMES.engine(null, table));

    long steps = found.nodes().values().stream().mapToLong(Long::longValue).sum();
    long edges = found.edges().stream().mapToLong(FollowsEdge::count).sum();
    assertThat(edges).isEqualTo(steps - found.profiles());
    assertThat(found.starts().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(found.profiles());
    assertThat(found.variants().stream().mapToLong(Variant::count).sum())
        .isEqualTo(found.profiles());
    assertThat(found.edges()).allMatch(e -> !e.from().equals(e.to()));
  }

  private static Discovery discover(List<LoggedEvent> log, JourneyMap map) {
    EventTable table = JourneyLogs.table(log);
    return Discover.of(table, Labels.TOUCHPOINTS.engine(map, table));
  }
}
