package trailmap.analytics.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.analytics.EventTable;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.JourneyMaps;
import trailmap.analytics.LoggedEvent;
import trailmap.maps.JourneyMap;
import trailmap.maps.Matcher;

class TouchpointMatchingPropertiesTest {

  @Provide
  net.jqwik.api.Arbitrary<List<LoggedEvent>> logs() {
    return JourneyLogs.logs();
  }

  @Provide
  net.jqwik.api.Arbitrary<JourneyMap> first() {
    return JourneyMaps.maps("a");
  }

  @Provide
  net.jqwik.api.Arbitrary<JourneyMap> second() {
    return JourneyMaps.maps("b");
  }

  @Property(tries = 300)
  void matchingEqualsEvaluatingEveryCriterionDirectly(
      @ForAll("logs") List<LoggedEvent> log,
      @ForAll("first") JourneyMap a,
      @ForAll("second") JourneyMap b) {
    EventTable table = JourneyLogs.table(log);
    List<LoggedEvent> ordered = JourneyLogs.inTableOrder(log);
    TouchpointMatching matching = TouchpointMatching.of(List.of(a, b), table);

    for (int e = 0; e < table.events(); e++) {
      assertThat(names(matching, matching.matches(e)))
          .as("event %d %s", e, ordered.get(e))
          .isEqualTo(ReferenceMatching.matches(List.of(a, b), ordered.get(e)));
    }
  }

  @Property(tries = 200)
  void matchSetsDoNotDependOnTheOrderMapsAreLoadedIn(
      @ForAll("logs") List<LoggedEvent> log,
      @ForAll("first") JourneyMap a,
      @ForAll("second") JourneyMap b) {
    EventTable table = JourneyLogs.table(log);
    TouchpointMatching ab = TouchpointMatching.of(List.of(a, b), table);
    TouchpointMatching ba = TouchpointMatching.of(List.of(b, a), table);

    for (int e = 0; e < table.events(); e++) {
      assertThat(Set.copyOf(names(ab, ab.matches(e))))
          .isEqualTo(Set.copyOf(names(ba, ba.matches(e))));
    }
  }

  @Property(tries = 200)
  void anEventThatFailsACriterionOfEveryMatcherNeverMatches(
      @ForAll("logs") List<LoggedEvent> log, @ForAll("first") JourneyMap a) {
    EventTable table = JourneyLogs.table(log);
    List<LoggedEvent> ordered = JourneyLogs.inTableOrder(log);
    TouchpointMatching matching = TouchpointMatching.of(a, table);

    for (int e = 0; e < table.events(); e++) {
      LoggedEvent event = ordered.get(e);
      boolean anyHolds =
          a.touchpoints()
              .flatMap(tp -> tp.matcher().stream())
              .anyMatch((Matcher m) -> ReferenceMatching.matches(m, event));
      if (!anyHolds) {
        assertThat(matching.matches(e)).isEmpty();
        assertThat(matching.first(e)).isEqualTo(-1);
      }
    }
  }

  @Property(tries = 200)
  void firstMatchIsTheFirstTouchpointInMapOrder(
      @ForAll("logs") List<LoggedEvent> log,
      @ForAll("first") JourneyMap a,
      @ForAll("second") JourneyMap b) {
    EventTable table = JourneyLogs.table(log);
    TouchpointMatching matching = TouchpointMatching.of(List.of(a, b), table);

    for (int e = 0; e < table.events(); e++) {
      int[] all = matching.matches(e);
      assertThat(matching.first(e)).isEqualTo(all.length == 0 ? -1 : all[0]);
      int firstOfB = matching.first(e, 1);
      int expected = -1;
      for (int tp : all) {
        if (matching.touchpoint(tp).mapIndex() == 1) {
          expected = tp;
          break;
        }
      }
      assertThat(firstOfB).isEqualTo(expected);
    }
  }

  @Property(tries = 200)
  void stageLabelIsTheStageOfTheTouchpointLabel(
      @ForAll("logs") List<LoggedEvent> log, @ForAll("first") JourneyMap a) {
    EventTable table = JourneyLogs.table(log);
    Labelling touchpoints = Labelling.touchpoints(a, table);
    Labelling stages = Labelling.stages(a, table);
    List<String> stageOfTouchpoint =
        a.stages().stream().flatMap(s -> s.touchpoints().stream().map(tp -> s.id())).toList();

    for (int e = 0; e < table.events(); e++) {
      int tp = touchpoints.node(e);
      if (tp < 0) {
        assertThat(stages.node(e)).isEqualTo(-1);
      } else {
        assertThat(stages.name(stages.node(e))).isEqualTo(stageOfTouchpoint.get(tp));
      }
    }
  }

  private static List<String> names(TouchpointMatching matching, int[] touchpoints) {
    Set<Integer> seen = new HashSet<>();
    return java.util.Arrays.stream(touchpoints)
        .peek(tp -> assertThat(seen.add(tp)).isTrue())
        .mapToObj(matching::touchpoint)
        .map(ref -> ref.mapId() + "/" + ref.touchpointId())
        .toList();
  }
}
