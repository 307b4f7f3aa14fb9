package trailmap.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.segments.SegmentEvaluatorPropertiesTest.track;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trailmap.analytics.JourneyMaps;
import trailmap.events.JsonValue;
import trailmap.flows.EventMatch;
import trailmap.maps.JourneyMap;

class SegmentEvidenceTest {
  static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
  static final JourneyMap MAP =
      JourneyMaps.map("saas", "trial: start=Trial Started", "paid: pay=Paid");
  final SegmentEvidence evidence =
      new SegmentEvidence(id -> id.equals("saas") ? Optional.of(MAP) : Optional.empty());
  final Rule twoOrders =
      new Rule.Did(
          EventMatch.named("Order Completed"), Rule.Bound.AT_LEAST, 2, Duration.ofDays(30));

  @Test
  void aLongHistoryKeepsOnlyTheEventsThatDecideTheBound() {
    List<Evidence> kept = List.of();
    for (int i = 0; i < 1000; i++) {
      List<Evidence> seen = new ArrayList<>(kept);
      seen.addAll(evidence.observe(twoOrders, track("Order Completed", T.plusSeconds(i)), i));
      kept = SegmentEvidence.keep(twoOrders, seen, T.plusSeconds(i));
    }
    assertThat(kept).extracting(Evidence::position).containsExactly(998L, 999L);
    Instant now = T.plusSeconds(999);
    assertThat(SegmentEvidence.membership(twoOrders, JsonValue.Obj.EMPTY, kept, now)).isTrue();
    assertThat(SegmentEvidence.nextChange(twoOrders, JsonValue.Obj.EMPTY, kept, now))
        .contains(T.plusSeconds(998).plus(Duration.ofDays(30)));
  }

  @Test
  void aFutureStampedEventIsKeptAndCountsFromItsTime() {
    var atMostNone =
        new Rule.Did(EventMatch.named("Refund"), Rule.Bound.AT_MOST, 0, Duration.ofHours(1));
    List<Evidence> kept =
        SegmentEvidence.keep(
            atMostNone, evidence.observe(atMostNone, track("Refund", T.plusSeconds(60)), 7), T);
    assertThat(kept).hasSize(1);
    assertThat(SegmentEvidence.membership(atMostNone, JsonValue.Obj.EMPTY, kept, T)).isTrue();
    assertThat(SegmentEvidence.nextChange(atMostNone, JsonValue.Obj.EMPTY, kept, T))
        .contains(T.plusSeconds(60));
  }

  @Test
  void ofTwoPlacementsAtTheSameInstantTheLaterInTheLogDecidesTheStage() {
    Rule inTrial = new Rule.InStage("saas", "trial");
    List<Evidence> seen = new ArrayList<>();
    seen.addAll(evidence.observe(inTrial, track("Paid", T), 4));
    seen.addAll(evidence.observe(inTrial, track("Trial Started", T), 5));
    seen.addAll(evidence.observe(inTrial, track("Viewed", T.plusSeconds(1)), 6));
    List<Evidence> kept = SegmentEvidence.keep(inTrial, seen, T.plusSeconds(1));
    assertThat(kept)
        .extracting(Evidence::position, Evidence::stage)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, "trial"));
    assertThat(SegmentEvidence.membership(inTrial, JsonValue.Obj.EMPTY, kept, T)).isTrue();
  }

  @Test
  void theSameEventSeenTwiceCountsOnce() {
    List<Evidence> once = evidence.observe(twoOrders, track("Order Completed", T), 3);
    List<Evidence> twice = new ArrayList<>(once);
    twice.addAll(once);
    List<Evidence> kept = SegmentEvidence.keep(twoOrders, twice, T);
    assertThat(kept).hasSize(1);
    assertThat(SegmentEvidence.membership(twoOrders, JsonValue.Obj.EMPTY, kept, T)).isFalse();
  }
}
