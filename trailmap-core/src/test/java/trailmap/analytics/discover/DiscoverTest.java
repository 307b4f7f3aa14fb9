package trailmap.analytics.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.analytics.JourneyLogs.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import trailmap.analytics.EventTable;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.Labels;
import trailmap.analytics.LoggedEvent;
import trailmap.analytics.matching.Labelling;

class DiscoverTest {

  @Test
  void mergesConsecutiveRepeats() {
    Discovery found =
        discover(
            track("p", 0, "Home"),
            track("p", 1, "Home"),
            track("p", 2, "Pricing"),
            track("p", 3, "Pricing"),
            track("p", 4, "Home"));

    assertThat(found.events()).isEqualTo(5);
    assertThat(found.nodes()).isEqualTo(Map.of("Home", 2L, "Pricing", 1L));
    assertThat(found.variants())
        .containsExactly(new Variant(List.of("Home", "Pricing", "Home"), 1));
    assertThat(found.edges()).extracting(FollowsEdge::count).containsExactly(1L, 1L);
  }

  @Test
  void countsThousandsOfDistinctVariantsAsTheReferenceDoes() {
    // Enough distinct variants, of varied lengths and with repeats, to make the variant table grow
    // many times; every variant is counted by several profiles.
    Random random = new Random(5);
    List<String> names = List.of("A", "B", "C", "D", "E", "F");
    List<LoggedEvent> log = new ArrayList<>();
    for (int p = 0; p < 20_000; p++) {
      Random shape = new Random(p % 3_000);
      int length = 1 + shape.nextInt(9);
      for (int i = 0; i < length; i++) {
        log.add(track("p" + p, i * 60 + random.nextInt(30), names.get(shape.nextInt(6))));
      }
    }

    EventTable table = JourneyLogs.table(log);
    Discovery found = Discover.of(table, Labelling.eventNames(table));

    assertThat(found.variantCount()).isGreaterThan(1_000);
    assertThat(found)
        .isEqualTo(
            ReferenceDiscover.of(JourneyLogs.journeys(log), Labels.EVENT_NAMES.reference(null)));
  }

  @Test
  void timesAnEdgeFromTheLastEventOfOneStepToTheFirstOfTheNext() {
    Discovery found =
        discover(track("p", 0, "Home"), track("p", 10, "Home"), track("p", 25, "Pricing"));

    assertThat(found.edges().getFirst().medianSeconds()).isEqualTo(15.0);
  }

  @Test
  void medianAndP90Durations() {
    // Ten profiles go A -> B after 1, 2, ..., 10 seconds.
    LoggedEvent[] log = new LoggedEvent[20];
    for (int p = 0; p < 10; p++) {
      log[2 * p] = track("p" + p, 0, "A");
      log[2 * p + 1] = track("p" + p, p + 1, "B");
    }
    FollowsEdge edge = discover(log).edges().getFirst();

    assertThat(edge.count()).isEqualTo(10);
    assertThat(edge.medianSeconds()).isEqualTo(5.5);
    assertThat(edge.p90Seconds()).isEqualTo(9.1, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void variantsSortedByCount() {
    Discovery found =
        discover(
            track("a", 0, "Home"),
            track("b", 0, "Home"),
            track("b", 1, "Pricing"),
            track("c", 0, "Home"),
            track("c", 1, "Pricing"),
            track("d", 0, "Ad"));

    assertThat(found.variantCount()).isEqualTo(3);
    assertThat(found.top(2))
        .containsExactly(new Variant(List.of("Home", "Pricing"), 2), new Variant(List.of("Ad"), 1));
    assertThat(found.share(found.variants().getFirst())).isEqualTo(0.5);
  }

  @Test
  void countsStartAndEndNodesPerProfile() {
    Discovery found =
        discover(
            track("a", 0, "Home"),
            track("a", 1, "Pricing"),
            track("b", 0, "Home"),
            track("b", 1, "Signup"));

    assertThat(found.profiles()).isEqualTo(2);
    assertThat(found.starts()).isEqualTo(Map.of("Home", 2L));
    assertThat(found.ends()).isEqualTo(Map.of("Pricing", 1L, "Signup", 1L));
  }

  @Test
  void dotMarksStartAndEndAndLabelsEdgesWithCountAndMedian() {
    String dot =
        DiscoveryDot.write(
            discover(track("a", 0, "Home"), track("a", 90, "Say \"hi\""), track("b", 0, "Home")));

    assertThat(dot).startsWith("digraph journey {\n").endsWith("}\n");
    assertThat(dot)
        .contains("n0 [label=\"Home\\n2\"];")
        .contains("n1 [label=\"Say \\\"hi\\\"\\n1\"];")
        .contains("\"__start__\" -> n0 [label=\"2\", penwidth=1.0];")
        .contains("n0 -> n1 [label=\"1\\n1.5m\", penwidth=6.0];")
        .contains("n1 -> \"__end__\"");
  }

  private static Discovery discover(LoggedEvent... log) {
    EventTable table = JourneyLogs.table(List.of(log));
    return Discover.of(table, Labelling.eventNames(table));
  }
}
