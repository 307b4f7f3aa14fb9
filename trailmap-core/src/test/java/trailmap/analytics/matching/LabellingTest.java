package trailmap.analytics.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.analytics.JourneyLogs.track;

import java.util.List;
import org.junit.jupiter.api.Test;
import trailmap.analytics.EventTable;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.JourneyMaps;
import trailmap.analytics.LoggedEvent;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;
import trailmap.maps.JourneyMap;

class LabellingTest {
  private static final JourneyMap SAAS =
      JourneyMaps.map(
          "saas",
          "awareness: ad=Ad Clicked",
          "purchase: pricing=Viewed Pricing, trial=Started Trial, pricing-again=Viewed Pricing");

  @Test
  void labelsEachEventWithTheFirstMatchingTouchpointInMapOrder() {
    EventTable table =
        JourneyLogs.table(
            List.of(
                track("p", 1, "Ad Clicked"),
                track("p", 2, "Viewed Pricing"),
                track("p", 3, "Newsletter Opened"),
                track("p", 4, "Started Trial")));

    Labelling labelling = Labelling.touchpoints(SAAS, table);

    assertThat(names(labelling)).containsExactly("ad", "pricing", null, "trial");
  }

  @Test
  void labelsStagesByTheStageOfTheFirstMatchingTouchpoint() {
    EventTable table =
        JourneyLogs.table(List.of(track("p", 1, "Started Trial"), track("p", 2, "Ad Clicked")));

    assertThat(names(Labelling.stages(SAAS, table))).containsExactly("purchase", "awareness");
  }

  @Test
  void fallbackLabelsEventsByNameAndSkipsUnnamedCalls() {
    EventTable table =
        JourneyLogs.table(
            List.of(
                track("p", 1, "Signed Up"),
                new LoggedEvent(
                    "p", 2_000_000, "", EventType.IDENTIFY, "web", JsonValue.Obj.EMPTY)));

    assertThat(names(Labelling.eventNames(table))).containsExactly("Signed Up", null);
  }

  @Test
  void aTouchpointWithoutMatcherAndAMatcherOnAnUnseenChannelMatchNothing() {
    JourneyMap map =
        JourneyMaps.map(
            "m",
            List.of(
                JourneyMaps.stage(
                    "s",
                    List.of(
                        JourneyMaps.touchpoint("bare", java.util.Optional.empty()),
                        JourneyMaps.touchpoint(
                            "sms",
                            java.util.Optional.of(
                                new trailmap.maps.Matcher(
                                    java.util.Optional.empty(),
                                    java.util.Optional.empty(),
                                    java.util.Optional.of("sms"),
                                    List.of())))))));
    EventTable table = JourneyLogs.table(List.of(track("p", 1, "Signed Up")));

    assertThat(TouchpointMatching.of(map, table).matches(0)).isEmpty();
  }

  @Test
  void withinMakesEventsOutsideTheRangeNoNode() {
    EventTable table =
        JourneyLogs.table(List.of(track("p", 1, "A"), track("p", 2, "B"), track("p", 3, "C")));

    Labelling labelling = Labelling.eventNames(table).within(table, 2_000_000, 3_000_000);

    assertThat(names(labelling)).containsExactly(null, "B", null);
  }

  @Test
  void mergedStepsMergeConsecutiveRepeatsAndKeepFirstAndLastEvent() {
    EventTable table =
        JourneyLogs.table(
            List.of(
                track("p", 1, "A"),
                track("p", 2, "A"),
                track("p", 3, "X"),
                track("p", 4, "A"),
                track("p", 5, "B")));
    int[] nodes = new int[table.events()];
    Labelling names = Labelling.eventNames(table);
    for (int e = 0; e < nodes.length; e++) {
      nodes[e] = names.name(names.node(e)).equals("X") ? -1 : names.node(e);
    }
    MergedSteps steps = new MergedSteps(table, Labelling.of(nodes, names.names()));

    assertThat(steps.load(0)).isEqualTo(2);
    assertThat(steps.events()).isEqualTo(4);
    assertThat(steps.firstEvent(0)).isEqualTo(0);
    assertThat(steps.lastEvent(0)).isEqualTo(3);
    assertThat(names.name(steps.node(1))).isEqualTo("B");
  }

  private static List<String> names(Labelling labelling) {
    List<String> names = new java.util.ArrayList<>();
    for (int e = 0; e < labelling.events(); e++) {
      int node = labelling.node(e);
      names.add(node < 0 ? null : labelling.name(node));
    }
    return names;
  }
}
