package trailmap.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.segments.SegmentEvaluatorPropertiesTest.track;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import trailmap.analytics.JourneyMaps;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.flows.EventMatch;
import trailmap.maps.JourneyMap;
import trailmap.maps.Operator;
import trailmap.maps.PropertyCondition;
import trailmap.maps.Scalar;

/**
 * The bounded evidence against {@link SegmentEvaluator} on the whole history: events arrive in
 * random batches with random timestamps (late, tied and future-stamped ones too), time moves on
 * between batches, events are sometimes seen twice, and two profiles' evidence is pooled as when
 * they merge.
 */
class SegmentEvidencePropertiesTest {
  static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");

  /** Touchpoints in map order: an A places in s1 (ta) before s2 (ta2) can. */
  static final JourneyMap MAP = JourneyMaps.map("m", "s1: ta=A", "s2: tb=B, ta2=A", "s3: tc=C");

  static final SegmentEvaluator REFERENCE =
      new SegmentEvaluator(SegmentEvidencePropertiesTest::map);
  static final SegmentEvidence EVIDENCE = new SegmentEvidence(SegmentEvidencePropertiesTest::map);

  static Optional<JourneyMap> map(String id) {
    return id.equals("m") ? Optional.of(MAP) : Optional.empty();
  }

  /** A batch of new events, then how far time moves on, and which earlier event is seen again. */
  record Step(List<Tuple.Tuple2<String, Integer>> arrivals, int advance, Optional<Integer> again) {}

  @Property(tries = 600)
  void keptEvidenceAnswersAsTheWholeHistoryDoes(
      @ForAll("rules") Rule rule, @ForAll("steps") List<Step> steps, @ForAll boolean pro) {
    JsonValue.Obj traits = traits(pro);
    History profile = new History();
    Instant now = EPOCH.plusSeconds(10);
    long position = 0;
    for (Step step : steps) {
      now = now.plusSeconds(step.advance());
      for (var arrival : step.arrivals()) {
        profile.arrive(rule, track(arrival.get1(), EPOCH.plusSeconds(arrival.get2())), position++);
      }
      step.again().ifPresent(i -> profile.seeAgain(rule, i));
      profile.keep(rule, now);
      assertSameAnswers(rule, traits, profile.kept, profile.all, now);
    }
  }

  @Property(tries = 400)
  void pooledEvidenceOfTwoProfilesAnswersAsTheirJoinedHistoryDoes(
      @ForAll("rules") Rule rule,
      @ForAll("steps") List<Step> first,
      @ForAll("steps") List<Step> second,
      @ForAll boolean pro) {
    JsonValue.Obj traits = traits(pro);
    History a = new History();
    History b = new History();
    Instant now = EPOCH.plusSeconds(10);
    long position = 0;
    for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
      now = now.plusSeconds(i < first.size() ? first.get(i).advance() : 1);
      for (History h : List.of(a, b)) {
        List<Step> steps = h == a ? first : second;
        if (i < steps.size()) {
          for (var arrival : steps.get(i).arrivals()) {
            h.arrive(rule, track(arrival.get1(), EPOCH.plusSeconds(arrival.get2())), position++);
          }
        }
        h.keep(rule, now);
      }
    }
    List<Evidence> pooled = new ArrayList<>(a.kept);
    pooled.addAll(b.kept);
    List<Evidence> kept = SegmentEvidence.keep(rule, pooled, now);
    List<Positioned> all = new ArrayList<>(a.all);
    all.addAll(b.all);
    assertSameAnswers(rule, traits, kept, all, now);
    assertSameAnswers(rule, traits, kept, all, now.plusSeconds(7));
  }

  static void assertSameAnswers(
      Rule rule, JsonValue.Obj traits, List<Evidence> kept, List<Positioned> all, Instant now) {
    List<Event> history =
        all.stream()
            .sorted(
                Comparator.comparing((Positioned p) -> p.event().timestamp())
                    .thenComparingLong(Positioned::position))
            .map(Positioned::event)
            .toList();
    assertThat(SegmentEvidence.membership(rule, traits, kept, now))
        .as("membership at %s with %s", now, kept)
        .isEqualTo(REFERENCE.membership(rule, traits, history, now));
    assertThat(SegmentEvidence.nextChange(rule, traits, kept, now))
        .as("next change after %s with %s", now, kept)
        .isEqualTo(REFERENCE.nextChange(rule, traits, history, now));
  }

  record Positioned(Event event, long position) {}

  /** One profile: every event it had, and the evidence kept of them. */
  static final class History {
    final List<Positioned> all = new ArrayList<>();
    final List<Evidence> seen = new ArrayList<>();
    List<Evidence> kept = List.of();

    void arrive(Rule rule, Event event, long position) {
      all.add(new Positioned(event, position));
      seen.addAll(EVIDENCE.observe(rule, event, position));
    }

    /** Observes an earlier event again, as a rebuild from the history or a replayed page does. */
    void seeAgain(Rule rule, int index) {
      if (!all.isEmpty()) {
        Positioned old = all.get(index % all.size());
        seen.addAll(EVIDENCE.observe(rule, old.event(), old.position()));
      }
    }

    void keep(Rule rule, Instant now) {
      List<Evidence> input = new ArrayList<>(kept);
      input.addAll(seen);
      kept = SegmentEvidence.keep(rule, input, now);
      seen.clear();
    }
  }

  static JsonValue.Obj traits(boolean pro) {
    return new JsonValue.Obj(Map.of("pro", new JsonValue.Bool(pro)));
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<List<Tuple.Tuple2<String, Integer>>> arrivals =
        Combinators.combine(
                Arbitraries.of("A", "B", "C", "D"), Arbitraries.integers().between(0, 70))
            .as(Tuple::of)
            .list()
            .ofMaxSize(3);
    return Combinators.combine(
            arrivals,
            Arbitraries.integers().between(0, 8),
            Arbitraries.integers().between(0, 50).optional(0.2))
        .as(Step::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(12);
  }

  @Provide
  Arbitrary<Rule> rules() {
    return rule(3);
  }

  private Arbitrary<Rule> rule(int depth) {
    Arbitrary<Rule> did =
        Combinators.combine(
                Arbitraries.of("A", "B", "C"),
                Arbitraries.of(Rule.Bound.values()),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(1, 25))
            .as(
                (name, bound, count, seconds) ->
                    new Rule.Did(
                        EventMatch.named(name),
                        bound,
                        bound == Rule.Bound.AT_LEAST ? Math.max(1, count) : count,
                        Duration.ofSeconds(seconds)));
    Arbitrary<Rule> stage =
        Combinators.combine(Arbitraries.of("m", "gone"), Arbitraries.of("s1", "s2", "s3", "sx"))
            .as(Rule.InStage::new);
    Arbitrary<Rule> reached =
        Combinators.combine(
                Arbitraries.of("m", "gone"), Arbitraries.of("ta", "tb", "ta2", "tc", "tx"))
            .as(Rule.ReachedTouchpoint::new);
    Arbitrary<Rule> traits =
        Arbitraries.just(
            new Rule.Traits(
                List.of(
                    new PropertyCondition("pro", Operator.EQ, List.of(new Scalar.Bool(true))))));
    if (depth == 0) {
      return Arbitraries.frequencyOf(
          Tuple.of(4, did), Tuple.of(2, stage), Tuple.of(2, reached), Tuple.of(1, traits));
    }
    Arbitrary<List<Rule>> children = rule(depth - 1).list().ofMinSize(1).ofMaxSize(3);
    return Arbitraries.frequencyOf(
        Tuple.of(4, did),
        Tuple.of(2, stage),
        Tuple.of(2, reached),
        Tuple.of(1, traits),
        Tuple.of(1, children.map(Rule.All::new)),
        Tuple.of(1, children.map(Rule.Any::new)),
        Tuple.of(1, rule(depth - 1).map(Rule.Not::new)));
  }
}
