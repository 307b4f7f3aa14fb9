package trailmap.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.flows.EventMatch;
import trailmap.maps.Operator;
import trailmap.maps.PropertyCondition;
import trailmap.maps.Scalar;

/** The evaluator against a brute-force reference on random rules and event logs. */
class SegmentEvaluatorPropertiesTest {
  static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");
  static final Instant NOW = EPOCH.plusSeconds(30);
  static final SegmentEvaluator EVALUATOR = new SegmentEvaluator(id -> Optional.empty());

  @Property(tries = 400)
  void membershipEqualsTheReference(
      @ForAll("rules") Rule rule, @ForAll("events") List<Event> events, @ForAll boolean pro) {
    JsonValue.Obj traits = traits(pro);
    for (int s = 0; s <= 90; s += 3) {
      Instant at = EPOCH.plusSeconds(s);
      assertThat(EVALUATOR.membership(rule, traits, events, at))
          .as("at second %d", s)
          .isEqualTo(reference(rule, traits, events, at));
    }
  }

  @Property(tries = 400)
  void nextChangeIsTheFirstInstantTheReferenceAnswerDiffers(
      @ForAll("rules") Rule rule, @ForAll("events") List<Event> events, @ForAll boolean pro) {
    JsonValue.Obj traits = traits(pro);
    boolean now = reference(rule, traits, events, NOW);
    Optional<Instant> expected = Optional.empty();
    // Timestamps and windows are whole seconds, so answers can only change on whole seconds;
    // every event is done with by second 60 + 20.
    for (int s = 31; s <= 100; s++) {
      if (reference(rule, traits, events, EPOCH.plusSeconds(s)) != now) {
        expected = Optional.of(EPOCH.plusSeconds(s));
        break;
      }
    }
    assertThat(EVALUATOR.nextChange(rule, traits, events, NOW)).isEqualTo(expected);
  }

  /** Membership straight from the definitions, as slowly as it reads. */
  static boolean reference(Rule rule, JsonValue.Obj traits, List<Event> events, Instant at) {
    return switch (rule) {
      case Rule.Traits t ->
          t.where().stream()
              .allMatch(c -> traits.at(c.property()).equals(Optional.of(new JsonValue.Bool(true))));
      case Rule.Did d -> {
        long n =
            events.stream()
                .filter(e -> e.name().orElseThrow().equals(d.match().event()))
                .filter(e -> !e.timestamp().isAfter(at))
                .filter(e -> Duration.between(e.timestamp(), at).compareTo(d.within()) < 0)
                .count();
        yield d.bound() == Rule.Bound.AT_LEAST ? n >= d.count() : n <= d.count();
      }
      case Rule.All all -> all.rules().stream().allMatch(r -> reference(r, traits, events, at));
      case Rule.Any any -> any.rules().stream().anyMatch(r -> reference(r, traits, events, at));
      case Rule.Not not -> !reference(not.rule(), traits, events, at);
      case Rule.InStage s -> false;
      case Rule.ReachedTouchpoint r -> false;
    };
  }

  static JsonValue.Obj traits(boolean pro) {
    return new JsonValue.Obj(Map.of("pro", new JsonValue.Bool(pro)));
  }

  @Provide
  Arbitrary<Rule> rules() {
    return rule(3);
  }

  private Arbitrary<Rule> rule(int depth) {
    Arbitrary<Rule> did =
        Combinators.combine(
                Arbitraries.of("A", "B"),
                Arbitraries.of(Rule.Bound.values()),
                Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(1, 20))
            .as(
                (name, bound, count, seconds) ->
                    new Rule.Did(
                        EventMatch.named(name), bound, count, Duration.ofSeconds(seconds)));
    Arbitrary<Rule> traits =
        Arbitraries.just(
            new Rule.Traits(
                List.of(
                    new PropertyCondition("pro", Operator.EQ, List.of(new Scalar.Bool(true))))));
    if (depth == 0) {
      return Arbitraries.frequencyOf(
          net.jqwik.api.Tuple.of(4, did), net.jqwik.api.Tuple.of(1, traits));
    }
    Arbitrary<List<Rule>> children = rule(depth - 1).list().ofMinSize(1).ofMaxSize(3);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, did),
        net.jqwik.api.Tuple.of(1, traits),
        net.jqwik.api.Tuple.of(1, children.map(Rule.All::new)),
        net.jqwik.api.Tuple.of(1, children.map(Rule.Any::new)),
        net.jqwik.api.Tuple.of(1, rule(depth - 1).map(Rule.Not::new)));
  }

  @Provide
  Arbitrary<List<Event>> events() {
    return Combinators.combine(Arbitraries.of("A", "B", "C"), Arbitraries.integers().between(0, 60))
        .as((name, second) -> track(name, EPOCH.plusSeconds(second)))
        .list()
        .ofMaxSize(12);
  }

  static Event track(String name, Instant at) {
    return new Event(
        "m-" + name + at.toEpochMilli(),
        trailmap.maps.EventType.TRACK,
        Optional.of(name),
        Optional.of("ada"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        JsonValue.Obj.EMPTY,
        JsonValue.Obj.EMPTY,
        JsonValue.Obj.EMPTY,
        at,
        at,
        "web",
        "web");
  }
}
