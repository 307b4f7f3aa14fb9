package trailmap.analytics.compare;

import java.util.Optional;
import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;
import trailmap.analytics.conversion.Conversion;
import trailmap.analytics.conversion.ConversionFound;
import trailmap.analytics.conversion.StepTest;
import trailmap.analytics.stats.Comparison;
import trailmap.analytics.stats.TwoSample;
import trailmap.analytics.surveys.SurveyFields;
import trailmap.analytics.surveys.SurveyGroup;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.analytics.surveys.SurveyTally;
import trailmap.analytics.surveys.Surveys;
import trailmap.analytics.surveys.SurveysFound;
import trailmap.maps.JourneyMap;

/**
 * Compares one figure between two groups.
 *
 * <pre>{@code
 * Compared nps = Compare.survey(table, Optional.of(map), SurveyFields.DEFAULT, SurveyKind.NPS,
 *     Optional.of("checkout"), new Groups.ByValue("plan", true, "pro", "free"));
 * }</pre>
 *
 * <p>Tests: NPS by the adjusted-Wald difference, CSAT and conversion by the two-proportion z-test
 * (Fisher's exact test when an expected cell is below 5), CES by Welch's t-test, time to next by
 * Mann–Whitney U. See {@link TwoSample} for the intervals and effect sizes.
 */
public final class Compare {
  private Compare() {}

  /** A survey figure, of all answers or of those attached to {@code touchpoint}. */
  public static Compared survey(
      EventTable table,
      Optional<JourneyMap> map,
      SurveyFields fields,
      SurveyKind kind,
      Optional<String> touchpoint,
      Groups groups) {
    SurveyTally a = tally(table, map, fields, kind, touchpoint, groups.side(0));
    SurveyTally b = tally(table, map, fields, kind, touchpoint, groups.side(1));
    Comparison comparison =
        switch (kind) {
          case NPS ->
              TwoSample.nps(promoters(a), detractors(a), a.n(), promoters(b), detractors(b), b.n());
          case CSAT -> TwoSample.proportions(satisfied(a), a.n(), satisfied(b), b.n());
          case CES -> {
            double[] ma = moments(a);
            double[] mb = moments(b);
            yield TwoSample.means(a.n(), ma[0], ma[1], b.n(), mb[0], mb[1]);
          }
        };
    String unit =
        switch (kind) {
          case NPS -> "points";
          case CSAT -> "share";
          case CES -> "mean";
        };
    return new Compared(kind.wireName(), unit, a.interval(), b.interval(), comparison);
  }

  /**
   * The share of profiles doing {@code first} (in the group) who do {@code then} within the window.
   */
  public static Compared conversion(
      EventTable table, StepTest first, StepTest then, long windowMicros, Groups groups) {
    ConversionFound a = Conversion.of(table, first, then, windowMicros, groups.side(0));
    ConversionFound b = Conversion.of(table, first, then, windowMicros, groups.side(1));
    return new Compared(
        "conversion",
        "share",
        a.conversion(),
        b.conversion(),
        TwoSample.proportions(a.converted(), a.entered(), b.converted(), b.entered()));
  }

  /** Seconds from {@code first} to {@code then} for the profiles that converted in the window. */
  public static Compared timeToNext(
      EventTable table, StepTest first, StepTest then, long windowMicros, Groups groups) {
    ConversionFound a = Conversion.of(table, first, then, windowMicros, groups.side(0));
    ConversionFound b = Conversion.of(table, first, then, windowMicros, groups.side(1));
    return new Compared(
        "time-to-next",
        "seconds",
        a.medianSeconds(),
        b.medianSeconds(),
        TwoSample.ranks(a.seconds(), b.seconds()));
  }

  private static SurveyTally tally(
      EventTable table,
      Optional<JourneyMap> map,
      SurveyFields fields,
      SurveyKind kind,
      Optional<String> touchpoint,
      EventFilter side) {
    SurveysFound found = Surveys.of(table, map, fields, side, 0);
    SurveyGroup group =
        touchpoint
            .map(t -> found.byTouchpoint().getOrDefault(t, SurveyGroup.EMPTY))
            .orElse(found.overall());
    return group.tally(kind);
  }

  private static long promoters(SurveyTally t) {
    return t.count(9) + t.count(10);
  }

  private static long detractors(SurveyTally t) {
    long n = 0;
    for (int s = 0; s <= 6; s++) {
      n += t.count(s);
    }
    return n;
  }

  private static long satisfied(SurveyTally t) {
    return t.count(4) + t.count(5);
  }

  /** Mean and sample variance (n − 1) of the answers. */
  private static double[] moments(SurveyTally t) {
    long n = t.n();
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double sum = 0;
    for (int s = t.kind().min(); s <= t.kind().max(); s++) {
      sum += (double) s * t.count(s);
    }
    double mean = sum / n;
    double squares = 0;
    for (int s = t.kind().min(); s <= t.kind().max(); s++) {
      squares += t.count(s) * (s - mean) * (s - mean);
    }
    return new double[] {mean, n > 1 ? squares / (n - 1) : Double.NaN};
  }
}
