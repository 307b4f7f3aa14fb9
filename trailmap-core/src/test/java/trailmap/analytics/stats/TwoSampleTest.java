package trailmap.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/** Known values from textbooks and from SciPy 1.17 (scipy.stats), as noted on each. */
class TwoSampleTest {

  @Test
  void normalMatchesTablesInTheMiddleAndTheTails() {
    // scipy.stats.norm.cdf / ppf
    assertThat(Normal.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-13));
    assertThat(Normal.cdf(-3)).isCloseTo(0.0013498980316300933, within(1e-15));
    assertThat(Normal.cdf(-8) / 6.22096057427174e-16).isCloseTo(1, within(1e-9));
    assertThat(Normal.cdf(0)).isEqualTo(0.5);
    assertThat(Normal.quantile(0.975)).isCloseTo(SurveyIntervals.Z, within(1e-12));
    assertThat(Normal.quantile(0.001)).isCloseTo(-3.090232306167813, within(1e-10));
  }

  @Property(tries = 200)
  void normalQuantileInvertsTheCdf(
      @ForAll @DoubleRange(min = 0.0001, max = 0.9999) @Scale(6) double p) {
    assertThat(Normal.cdf(Normal.quantile(p))).isCloseTo(p, within(1e-12));
  }

  @Test
  void twoProportionZTestAndCohensH() {
    // 45/100 vs 30/100: pooled z 2.19089, p 0.028460; h = 2 asin √.45 − 2 asin √.30 = 0.31135.
    Comparison c = TwoSample.proportions(45, 100, 30, 100);
    assertThat(c.test()).isEqualTo("two-proportion-z");
    assertThat(c.statistic()).isCloseTo(2.1908902300206647, within(1e-12));
    assertThat(c.pValue()).isCloseTo(0.02845973691631055, within(1e-12));
    assertThat(c.effect()).isCloseTo(0.3113494249059283, within(1e-12));
    assertThat(c.magnitude()).isEqualTo("small");
    assertThat(c.significant()).isTrue();
  }

  @Test
  void differenceOfSharesUsesNewcombesHybridScoreInterval() {
    // Newcombe (1998), Statistics in Medicine 17:873, table II example (a): 56/70 − 48/80.
    Comparison c = TwoSample.proportions(56, 70, 48, 80);
    assertThat(c.difference()).isCloseTo(0.2, within(1e-12));
    assertThat(c.low()).isCloseTo(0.0524, within(1e-4));
    assertThat(c.high()).isCloseTo(0.3339, within(1e-4));
  }

  @Test
  void smallCountsUseFishersExactTest() {
    // Fisher's tea-tasting table [[3, 1], [1, 3]]: p = 0.4857 (two-sided); [[8, 2], [1, 5]]:
    // 0.03497.
    assertThat(TwoSample.fisherExact(3, 1, 1, 3)).isCloseTo(0.48571428571428565, within(1e-12));
    assertThat(TwoSample.fisherExact(8, 2, 1, 5)).isCloseTo(0.034965034965034975, within(1e-12));
    Comparison c = TwoSample.proportions(3, 4, 1, 4);
    assertThat(c.test()).isEqualTo("fisher-exact");
    assertThat(c.pValue()).isCloseTo(0.48571428571428565, within(1e-12));
  }

  @Test
  void welchTTestMatchesTheTextbookExample() {
    // Welch's t-test example (Wikipedia, "Welch's t-test", example 2); scipy
    // ttest_ind(equal_var=False):
    // t = -2.455356, df = 24.98853, p = 0.021378.
    double[] a = {
      27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4
    };
    double[] b = {
      27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4
    };
    Comparison c = TwoSample.means(15, mean(a), variance(a), 15, mean(b), variance(b));
    assertThat(c.statistic()).isCloseTo(-2.455356398286006, within(1e-9));
    assertThat(c.pValue()).isCloseTo(0.021378001462866992, within(1e-8));
    assertThat(c.difference()).isCloseTo(20.82 - 22.986666666666665, within(1e-9));
    assertThat(c.low()).isLessThan(c.difference());
    double pooled = Math.sqrt((variance(a) + variance(b)) / 2);
    assertThat(c.effect()).isCloseTo(c.difference() / pooled, within(1e-12));
    assertThat(c.magnitude()).isEqualTo("large");
  }

  @Test
  void mannWhitneyMatchesHollanderAndWolfe() {
    // Hollander & Wolfe's depression scores (R's ?wilcox.test); scipy mannwhitneyu, asymptotic with
    // continuity correction: U = 58, p = 0.132919. Hodges–Lehmann shift 0.56.
    double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
    Comparison c = TwoSample.ranks(x, y);
    assertThat(c.statistic()).isEqualTo(58.0);
    assertThat(c.pValue()).isCloseTo(0.13291945818531892, within(1e-9));
    assertThat(c.difference()).isCloseTo(0.56, within(1e-12));
    assertThat(c.low()).isCloseTo(-0.22, within(1e-9));
    assertThat(c.high()).isCloseTo(1.082, within(1e-9));
    assertThat(c.effect()).isCloseTo(2 * 58.0 / 81 - 1, within(1e-12));
  }

  @Test
  void mannWhitneyCorrectsForTies() {
    // scipy mannwhitneyu([1,2,2,3,4,5,5,5,9], [2,3,3,6,7,7,8,10]): U = 22, p = 0.190361.
    Comparison c =
        TwoSample.ranks(
            new double[] {1, 2, 2, 3, 4, 5, 5, 5, 9}, new double[] {2, 3, 3, 6, 7, 7, 8, 10});
    assertThat(c.statistic()).isEqualTo(22.0);
    assertThat(c.pValue()).isCloseTo(0.19036126654458874, within(1e-9));
  }

  @Test
  void npsDifferenceAddsTheAdjustedWaldVariances() {
    // 50 promoters, 20 detractors of 100 against 30 and 30 of 100; adjusted shares (x + 3/4)/103.
    Comparison c = TwoSample.nps(50, 20, 100, 30, 30, 100);
    assertThat(c.difference()).isCloseTo(30.0, within(1e-12));
    assertThat(c.low()).isCloseTo(7.914279282819303, within(1e-9));
    assertThat(c.high()).isCloseTo(50.338147901646714, within(1e-9));
    assertThat(c.statistic()).isCloseTo(2.691236396176429, within(1e-9));
    assertThat(c.pValue()).isCloseTo(0.007118773165745589, within(1e-9));
  }

  @Test
  void medianIntervalTakesOrderStatistics() {
    double[] values = new double[100];
    Arrays.setAll(values, i -> i + 1);
    // n = 100: j = floor(50 - 9.8) = 40, k = ceil(51 + 9.8) = 61.
    Interval median = MedianInterval.of(values);
    assertThat(median.estimate()).isEqualTo(50.5);
    assertThat(median.low()).isEqualTo(40.0);
    assertThat(median.high()).isEqualTo(61.0);
    assertThatThrownBy(() -> MedianInterval.of(new double[] {2, 1}))
        .hasMessageContaining("sorted ascending");
  }

  @Property(tries = 200)
  void swappingTheGroupsNegatesTheDifferenceAndKeepsP(
      @ForAll @IntRange(min = 0, max = 40) int x1,
      @ForAll @IntRange(min = 1, max = 40) int more1,
      @ForAll @IntRange(min = 0, max = 40) int x2,
      @ForAll @IntRange(min = 1, max = 40) int more2) {
    Comparison ab = TwoSample.proportions(x1, x1 + more1, x2, x2 + more2);
    Comparison ba = TwoSample.proportions(x2, x2 + more2, x1, x1 + more1);
    assertThat(ba.difference()).isCloseTo(-ab.difference(), within(1e-12));
    assertThat(ba.low()).isCloseTo(-ab.high(), within(1e-12));
    assertThat(ba.pValue()).isCloseTo(ab.pValue(), within(1e-9));
    assertThat(ab.pValue()).isBetween(0.0, 1.0);
    assertThat(ab.low()).isLessThanOrEqualTo(ab.difference() + 1e-12);
    assertThat(ab.high()).isGreaterThanOrEqualTo(ab.difference() - 1e-12);
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElseThrow();
  }

  private static double variance(double[] v) {
    double m = mean(v);
    return Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1);
  }
}
