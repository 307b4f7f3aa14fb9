package trailmap.analytics.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.analytics.EventFilter;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.JourneyMaps;
import trailmap.analytics.LoggedEvent;
import trailmap.analytics.matching.TouchpointMatching;
import trailmap.analytics.stats.Interval;
import trailmap.analytics.surveys.SurveyFields;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.maps.JourneyMap;
import trailmap.maps.Stage;

class LiveMapPropertiesTest {
  @Provide
  Arbitrary<List<LoggedEvent>> logs() {
    return JourneyLogs.logs();
  }

  @Provide
  Arbitrary<JourneyMap> maps() {
    return JourneyMaps.maps("m");
  }

  @Property(tries = 300)
  void aStageIsReachedByEveryoneReachingOneOfItsTouchpointsAndNobodyElse(
      @ForAll("logs") List<LoggedEvent> log, @ForAll("maps") JourneyMap map) {
    var table = JourneyLogs.table(log);
    LiveFigures live = LiveMap.compute(table, map, SurveyFields.DEFAULT, EventFilter.ALL, 1);
    TouchpointMatching matching = TouchpointMatching.of(map, table);

    for (Stage stage : map.stages()) {
      long reached = 0;
      for (int p = 0; p < table.profiles(); p++) {
        boolean hit = false;
        for (int e = table.profileStart(p); e < table.profileEnd(p) && !hit; e++) {
          for (int tp : matching.matches(e)) {
            hit |= matching.touchpoint(tp).stageId().equals(stage.id());
          }
        }
        reached += hit ? 1 : 0;
      }
      StageFigures figures = live.stage(stage.id()).orElseThrow();
      assertThat(figures.reached()).isEqualTo(reached);
      for (var t : stage.touchpoints()) {
        assertThat(live.touchpoint(t.id()).orElseThrow().reached()).isLessThanOrEqualTo(reached);
      }
      figures
          .onwards()
          .filter(o -> o.conversion().defined())
          .ifPresent(
              o ->
                  assertThat(o.conversion().estimate() + o.dropOff().estimate())
                      .isCloseTo(1, within(1e-9)));
    }
  }

  @Provide
  Arbitrary<SurveyScores> scores() {
    Arbitrary<Interval> nps = figure(-100, 100);
    Arbitrary<Interval> csat = figure(0, 1);
    Arbitrary<Interval> ces = figure(1, 7);
    return Combinators.combine(nps, csat, ces)
        .as(
            (n, c, e) ->
                new SurveyScores(
                    java.util.Map.of(SurveyKind.NPS, n, SurveyKind.CSAT, c, SurveyKind.CES, e)));
  }

  static Arbitrary<Interval> figure(double min, double max) {
    return Combinators.combine(
            Arbitraries.doubles().between(min, max), Arbitraries.longs().between(0, 200))
        .as(
            (v, n) ->
                n == 0
                    ? new Interval(Double.NaN, Double.NaN, Double.NaN, 0, "x")
                    : new Interval(v, v, v, n, "x"));
  }

  @Property(tries = 500)
  void theSurveyEmotionStaysOnTheScaleBetweenItsParts(@ForAll("scores") SurveyScores scores) {
    SurveyEmotion emotion = SurveyEmotion.of(scores);

    if (emotion.parts().isEmpty()) {
      assertThat(emotion.score()).isEmpty();
      assertThat(emotion.n()).isZero();
      return;
    }
    double score = emotion.score().orElseThrow();
    double low =
        emotion.parts().values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double high =
        emotion.parts().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertThat(score).isBetween(-2.0, 2.0).isBetween(low - 1e-9, high + 1e-9);
    for (SurveyKind kind : emotion.parts().keySet()) {
      assertThat(scores.get(kind).n()).isGreaterThanOrEqualTo(SurveyEmotion.MINIMUM_ANSWERS);
    }
  }
}
