package trailmap.analytics.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.JourneyMaps;
import trailmap.analytics.LoggedEvent;
import trailmap.analytics.stats.Interval;
import trailmap.maps.JourneyMap;

class SurveysPropertiesTest {
  private static final int CAP = 3;

  @Provide
  Arbitrary<List<LoggedEvent>> logs() {
    return SurveyLogs.logs();
  }

  @Provide
  Arbitrary<Optional<JourneyMap>> maps() {
    return JourneyMaps.maps("m").optional(0.8);
  }

  @Property(tries = 300)
  void everyGroupCountsWhatTheReferenceCounts(
      @ForAll("logs") List<LoggedEvent> log, @ForAll("maps") Optional<JourneyMap> map) {
    SurveysFound found = surveys(log, map);

    assertThat(ReferenceSurveys.project(found)).isEqualTo(ReferenceSurveys.of(log, map, CAP));
  }

  @Property(tries = 200)
  void summingTwoPartitionsAndMergingEqualsSummingTheWhole(
      @ForAll("logs") List<LoggedEvent> log, @ForAll("maps") Optional<JourneyMap> map) {
    Set<String> left = Set.of("p1", "p4");
    List<LoggedEvent> a = log.stream().filter(e -> left.contains(e.profile())).toList();
    List<LoggedEvent> b = log.stream().filter(e -> !left.contains(e.profile())).toList();

    SurveysFound merged = surveys(a, map).merge(surveys(b, map), CAP);

    assertThat(ReferenceSurveys.project(merged))
        .isEqualTo(ReferenceSurveys.project(surveys(log, map)));
  }

  @Property(tries = 200)
  void everyIntervalStaysOnItsScaleAndTheMeanInsideItsInterval(
      @ForAll("logs") List<LoggedEvent> log) {
    SurveysFound found = surveys(log, Optional.empty());

    for (SurveyTally tally : found.overall().tallies().values()) {
      Interval interval = tally.interval();
      if (tally.n() == 0) {
        assertThat(interval.defined()).isFalse();
        continue;
      }
      if (tally.kind() == SurveyKind.CES) {
        // The adjusted intervals (NPS, CSAT) centre on an adjusted estimate and need not hold the
        // plain one when every answer is at one end; the t interval always does.
        assertThat(interval.low()).isLessThanOrEqualTo(interval.estimate() + 1e-9);
        assertThat(interval.high()).isGreaterThanOrEqualTo(interval.estimate() - 1e-9);
      }
      double[] scale =
          switch (tally.kind()) {
            case NPS -> new double[] {-100, 100};
            case CSAT -> new double[] {0, 1};
            case CES -> new double[] {1, 7};
          };
      assertThat(interval.low()).isGreaterThanOrEqualTo(scale[0]);
      assertThat(interval.high()).isLessThanOrEqualTo(scale[1]);
      assertThat(interval.n()).isEqualTo(tally.n());
    }
    SurveyTally nps = found.overall().tally(SurveyKind.NPS);
    if (nps.n() > 0) {
      long promoters = nps.count(9) + nps.count(10);
      long passives = nps.count(7) + nps.count(8);
      long detractors = nps.n() - promoters - passives;
      assertThat(nps.interval().estimate())
          .isCloseTo(100.0 * (promoters - detractors) / nps.n(), within(1e-9));
    }
  }

  private static SurveysFound surveys(List<LoggedEvent> log, Optional<JourneyMap> map) {
    EventTable table = JourneyLogs.table(log);
    return Surveys.of(table, map, SurveyFields.DEFAULT, EventFilter.ALL, CAP);
  }
}
