package trailmap.flows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.analytics.EventTable;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.JourneyMaps;
import trailmap.analytics.LoggedEvent;
import trailmap.analytics.matching.TouchpointMatching;
import trailmap.events.Event;
import trailmap.maps.JourneyMap;
import trailmap.segments.SegmentEvaluator;

/**
 * The live runtime judges touchpoint entries on log events, the dry run on rows of an event table:
 * through {@link MapEntries} both give the same inputs for every event.
 */
class MapEntriesPropertiesTest {
  /**
   * Random maps, without {@code event: ""} matchers: on those the two disagree (the table's
   * matching takes "" for the name of unnamed events, the log's matching never matches), and the
   * map format should not accept them.
   */
  @Provide
  Arbitrary<JourneyMap> maps() {
    return JourneyMaps.maps("m")
        .filter(
            map ->
                map.stages().stream()
                    .flatMap(stage -> stage.touchpoints().stream())
                    .flatMap(tp -> tp.matcher().stream())
                    .noneMatch(m -> m.event().filter(String::isEmpty).isPresent()));
  }

  @Property(tries = 300)
  void theRuntimeAndTheDryRunEnterTheSameTouchpointsAndStages(
      @ForAll("maps") JourneyMap map, @ForAll("logs") List<LoggedEvent> log) {
    EventTable table = JourneyLogs.table(log);
    List<LoggedEvent> ordered = JourneyLogs.inTableOrder(log);
    for (int row = 0; row < table.events(); row++) {
      Event event = event(ordered.get(row), row);
      int r = row;
      List<Input> live =
          MapEntries.entered(
              List.of(map), event.timestamp(), m -> SegmentEvaluator.matches(m, event));
      List<Input> replayed =
          MapEntries.entered(
              List.of(map), event.timestamp(), m -> TouchpointMatching.satisfies(m, table, r));
      assertThat(replayed).as("event %s", ordered.get(row)).isEqualTo(live);
    }
  }

  @Provide
  Arbitrary<List<LoggedEvent>> logs() {
    return JourneyLogs.logs();
  }

  static Event event(LoggedEvent e, int n) {
    Instant at = Instant.ofEpochSecond(0, e.micros() * 1_000);
    return new Event(
        "m-" + n,
        e.type(),
        e.name().isEmpty() ? Optional.empty() : Optional.of(e.name()),
        Optional.of(e.profile()),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        e.properties(),
        null,
        null,
        at,
        at,
        e.channel(),
        "src");
  }
}
