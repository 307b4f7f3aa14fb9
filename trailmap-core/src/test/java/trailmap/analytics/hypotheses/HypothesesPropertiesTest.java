package trailmap.analytics.hypotheses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.analytics.ClaimedMaps;
import trailmap.analytics.EventFilter;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.LoggedEvent;
import trailmap.analytics.ReferenceAnswers;
import trailmap.analytics.stats.Interval;
import trailmap.analytics.surveys.SurveyFields;
import trailmap.maps.JourneyMap;

class HypothesesPropertiesTest {
  private static final long SECOND = 1_000_000L;

  @Provide
  Arbitrary<List<LoggedEvent>> logs() {
    return ReferenceAnswers.logs();
  }

  @Provide
  Arbitrary<JourneyMap> maps() {
    return ClaimedMaps.maps();
  }

  /** A time range [from, to) in seconds, or none (every event). */
  @Provide
  Arbitrary<Optional<long[]>> ranges() {
    return Arbitraries.longs()
        .between(0, 41)
        .list()
        .ofSize(2)
        .filter(l -> !l.get(0).equals(l.get(1)))
        .map(l -> new long[] {Math.min(l.get(0), l.get(1)), Math.max(l.get(0), l.get(1))})
        .optional(0.6);
  }

  @Property(tries = 300)
  void measuresEveryClaimAsTheReferenceDoesAndJudgesItsInterval(
      @ForAll("logs") List<LoggedEvent> log,
      @ForAll("maps") JourneyMap map,
      @ForAll("ranges") Optional<long[]> range,
      @ForAll("minimumN") int minimumN) {
    EventFilter filter =
        range.map(r -> EventFilter.within(r[0] * SECOND, r[1] * SECOND)).orElse(EventFilter.ALL);
    Predicate<LoggedEvent> counted =
        range
            .<Predicate<LoggedEvent>>map(
                r -> e -> e.micros() >= r[0] * SECOND && e.micros() < r[1] * SECOND)
            .orElse(e -> true);

    List<HypothesisResult> results =
        Hypotheses.evaluate(JourneyLogs.table(log), map, SurveyFields.DEFAULT, filter, minimumN);
    List<ReferenceHypotheses.Measured> expected = ReferenceHypotheses.of(log, map, counted);

    assertThat(results).hasSameSizeAs(expected);
    for (int i = 0; i < results.size(); i++) {
      HypothesisResult r = results.get(i);
      ReferenceHypotheses.Measured m = expected.get(i);
      String claim = "claim " + i + " " + r.hypothesis();
      assertThat(List.of(r.carrier(), r.touchpoint(), r.to()))
          .as(claim)
          .isEqualTo(List.of(m.carrier(), m.touchpoint(), m.to()));
      assertThat(r.measured().n()).as(claim + " n").isEqualTo(m.n());
      if (Double.isNaN(m.value())) {
        assertThat(r.measured().defined()).as(claim + " defined").isFalse();
      } else {
        assertThat(r.measured().estimate()).as(claim).isCloseTo(m.value(), within(1e-9));
      }
      assertThat(r.judgement())
          .isEqualTo(
              Judgement.of(
                  r.measured(), r.hypothesis().atLeast(), r.hypothesis().atMost(), minimumN));
    }
  }

  @Provide
  Arbitrary<Integer> minimumN() {
    return Arbitraries.integers().between(1, 4);
  }

  @Provide
  Arbitrary<Interval> intervals() {
    Arbitrary<Double> x = Arbitraries.integers().between(0, 10).map(i -> i / 10.0);
    return Combinators.combine(x, x, Arbitraries.longs().between(0, 40))
        .as(
            (a, b, n) ->
                n == 0
                    ? new Interval(Double.NaN, Double.NaN, Double.NaN, 0, "test")
                    : new Interval((a + b) / 2, Math.min(a, b), Math.max(a, b), n, "test"));
  }

  @Provide
  Arbitrary<Optional<Double>> bounds() {
    return Arbitraries.integers().between(0, 10).map(i -> i / 10.0).optional(0.6);
  }

  @Property(tries = 500)
  void supportsIffTheWholeIntervalMeetsEveryBoundAndRefutesIffItWhollyMissesOne(
      @ForAll("intervals") Interval measured,
      @ForAll("bounds") Optional<Double> atLeast,
      @ForAll("bounds") Optional<Double> atMost,
      @ForAll("minimumN") int minimumN) {
    if (atLeast.isEmpty() && atMost.isEmpty()) {
      return;
    }
    Verdict expected;
    if (!measured.defined() || measured.n() < minimumN) {
      expected = Verdict.NOT_ENOUGH_DATA;
    } else if (atLeast.map(l -> measured.low() >= l).orElse(true)
        && atMost.map(m -> measured.high() <= m).orElse(true)) {
      expected = Verdict.SUPPORTED;
    } else if (atLeast.map(l -> measured.high() < l).orElse(false)
        || atMost.map(m -> measured.low() > m).orElse(false)) {
      expected = Verdict.REFUTED;
    } else {
      expected = Verdict.NOT_ENOUGH_DATA;
    }

    Judgement judgement = Judgement.of(measured, atLeast, atMost, minimumN);

    assertThat(judgement.verdict()).isEqualTo(expected);
    assertThat(judgement.estimateHolds())
        .isEqualTo(
            measured.defined()
                && atLeast.map(l -> measured.estimate() >= l).orElse(true)
                && atMost.map(m -> measured.estimate() <= m).orElse(true)
                && expected != Verdict.REFUTED);
  }
}
