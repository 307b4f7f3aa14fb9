package trailmap.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SurveyIntervalsTest {

  @Test
  void studentTQuantilesMatchPublishedTables() {
    // Two-sided 95% critical values from any t table.
    assertThat(StudentT.quantile(0.975, 1)).isCloseTo(12.706, within(1e-3));
    assertThat(StudentT.quantile(0.975, 2)).isCloseTo(4.303, within(1e-3));
    assertThat(StudentT.quantile(0.975, 10)).isCloseTo(2.228, within(1e-3));
    assertThat(StudentT.quantile(0.975, 30)).isCloseTo(2.042, within(1e-3));
    assertThat(StudentT.quantile(0.975, 1_000_000)).isCloseTo(1.960, within(1e-3));
    assertThat(StudentT.cdf(0, 5)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void npsUsesTheAdjustedWaldIntervalOfRocks2016() {
    // 40 promoters, 20 detractors, 100 answers: NPS 20; adjusted shares 40.75/103 and 20.75/103.
    Interval nps = SurveyIntervals.nps(40, 20, 100);
    double p = 40.75 / 103;
    double d = 20.75 / 103;
    double margin = SurveyIntervals.Z * Math.sqrt((p + d - (p - d) * (p - d)) / 103);
    assertThat(nps.estimate()).isEqualTo(20.0);
    assertThat(nps.low()).isCloseTo(100 * (p - d - margin), within(1e-9));
    assertThat(nps.high()).isCloseTo(100 * (p - d + margin), within(1e-9));
    assertThat(nps.method()).isEqualTo("adjusted-wald");
  }

  @Test
  void anAllPromoterSampleKeepsAnIntervalInsideTheScale() {
    Interval nps = SurveyIntervals.nps(5, 0, 5);
    assertThat(nps.estimate()).isEqualTo(100.0);
    assertThat(nps.high()).isLessThanOrEqualTo(100.0);
    assertThat(nps.low()).isLessThan(100.0).isGreaterThan(0.0);
  }

  @Test
  void sharesUseAgrestiCoull() {
    // 8 of 10: centre (8 + 1.92) / 13.84 = 0.7168, half-width 1.96 * sqrt(c(1-c)/13.84) = 0.2373.
    Interval share = SurveyIntervals.share(8, 10);
    assertThat(share.estimate()).isEqualTo(0.8);
    assertThat(share.low()).isCloseTo(0.4794, within(1e-3));
    assertThat(share.high()).isCloseTo(0.9541, within(1e-3));
  }

  @Test
  void meansUseStudentsTAndOneAnswerSpansTheScale() {
    // 2, 4, 6: mean 4, s = 2, t(0.975, 2) = 4.303, half-width 4.303 * 2 / sqrt(3) = 4.968.
    Interval mean = SurveyIntervals.mean(3, 12, 56, 1, 7);
    assertThat(mean.estimate()).isEqualTo(4.0);
    assertThat(mean.low()).isEqualTo(1.0); // clipped to the scale
    assertThat(mean.high()).isEqualTo(7.0);
    Interval tight = SurveyIntervals.mean(100, 500, 100 * 25 + 99, 1, 7);
    assertThat(tight.low()).isCloseTo(5 - 1.984 * Math.sqrt(1.0 / 100), within(1e-3));
    assertThat(SurveyIntervals.mean(1, 3, 9, 1, 7).low()).isEqualTo(1.0);
    assertThat(SurveyIntervals.mean(0, 0, 0, 1, 7).defined()).isFalse();
  }

  @Property(tries = 300)
  void intervalsAlwaysContainTheirEstimateAndStayOnTheScale(
      @ForAll @IntRange(min = 0, max = 500) int promoters,
      @ForAll @IntRange(min = 0, max = 500) int detractors,
      @ForAll @IntRange(min = 0, max = 500) int passives) {
    long n = (long) promoters + detractors + passives;
    if (n == 0) {
      return;
    }
    Interval nps = SurveyIntervals.nps(promoters, detractors, n);
    assertThat(nps.low()).isBetween(-100.0, nps.high());
    assertThat(nps.high()).isLessThanOrEqualTo(100.0);
    Interval share = SurveyIntervals.share(promoters, n);
    assertThat(share.estimate()).isBetween(share.low() - 1e-12, share.high() + 1e-12);
    assertThat(share.low()).isGreaterThanOrEqualTo(0.0);
    assertThat(share.high()).isLessThanOrEqualTo(1.0);
  }
}
