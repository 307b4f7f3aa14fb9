package trailmap.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.segments.SegmentEvaluatorPropertiesTest.track;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trailmap.events.JsonValue;
import trailmap.flows.EventMatch;

class SegmentEvaluatorTest {
  static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
  final SegmentEvaluator evaluator = new SegmentEvaluator(id -> Optional.empty());
  final Rule twoOrders =
      new Rule.Did(
          EventMatch.named("Order Completed"), Rule.Bound.AT_LEAST, 2, Duration.ofDays(30));

  @Test
  void leavesWhenTheOldestCountedEventAgesOutOfTheWindow() {
    var events = List.of(track("Order Completed", T), track("Order Completed", T.plusSeconds(60)));
    Instant now = T.plusSeconds(120);
    assertThat(evaluator.membership(twoOrders, JsonValue.Obj.EMPTY, events, now)).isTrue();
    assertThat(evaluator.nextChange(twoOrders, JsonValue.Obj.EMPTY, events, now))
        .contains(T.plus(Duration.ofDays(30)));
    assertThat(
            evaluator.membership(
                twoOrders, JsonValue.Obj.EMPTY, events, T.plus(Duration.ofDays(30))))
        .isFalse();
  }

  @Test
  void oneOrderIsNotEnoughAndTimeAloneChangesNothing() {
    var events = List.of(track("Order Completed", T));
    assertThat(evaluator.membership(twoOrders, JsonValue.Obj.EMPTY, events, T)).isFalse();
    assertThat(evaluator.nextChange(twoOrders, JsonValue.Obj.EMPTY, events, T)).isEmpty();
  }

  @Test
  void aNegatedRuleEntersWhenTheCountAgesOut() {
    Rule notRecent = new Rule.Not(twoOrders);
    var events = List.of(track("Order Completed", T), track("Order Completed", T));
    assertThat(evaluator.membership(notRecent, JsonValue.Obj.EMPTY, events, T)).isFalse();
    assertThat(evaluator.nextChange(notRecent, JsonValue.Obj.EMPTY, events, T))
        .contains(T.plus(Duration.ofDays(30)));
  }

  @Test
  void aMapRuleOnAnUnknownMapNeverHolds() {
    assertThat(
            evaluator.membership(
                new Rule.InStage("saas", "trial"),
                JsonValue.Obj.EMPTY,
                List.of(track("Trial Started", T)),
                T))
        .isFalse();
  }
}
