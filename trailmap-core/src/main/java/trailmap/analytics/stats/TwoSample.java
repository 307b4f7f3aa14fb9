package trailmap.analytics.stats;

import java.util.Arrays;

/**
 * Tests that compare two independent groups, each with the difference, its 95% interval and an
 * effect size, as {@link Comparison}s. All two-sided.
 *
 * <ul>
 *   <li>{@link #proportions}: two-proportion z-test with pooled variance, or Fisher's exact test
 *       when an expected cell count is below 5; Newcombe's hybrid-score interval of the difference
 *       (Newcombe 1998, method 10); Cohen's h.
 *   <li>{@link #means}: Welch's t-test with Welch–Satterthwaite degrees of freedom; Cohen's d with
 *       the pooled standard deviation.
 *   <li>{@link #ranks}: Mann–Whitney U with tie correction and continuity correction (normal
 *       approximation); the Hodges–Lehmann shift with its distribution-free interval; rank-biserial
 *       correlation.
 *   <li>{@link #nps}: the difference of two NPS with the adjusted-Wald variances of Rocks (2016)
 *       added, and a z-test on it.
 * </ul>
 */
public final class TwoSample {
  /** Above this many pairs the Hodges–Lehmann interval is not computed (it sorts every pair). */
  public static final long MAX_PAIRS = 4_000_000;

  private TwoSample() {}

  /** {@code x1} of {@code n1} against {@code x2} of {@code n2}; the difference is p1 − p2. */
  public static Comparison proportions(long x1, long n1, long x2, long n2) {
    requireCounts(x1, n1);
    requireCounts(x2, n2);
    if (n1 == 0 || n2 == 0) {
      return undefined("two-proportion-z", "cohens-h");
    }
    double p1 = (double) x1 / n1;
    double p2 = (double) x2 / n2;
    Interval w1 = wilson(x1, n1);
    Interval w2 = wilson(x2, n2);
    double d = p1 - p2;
    double low = d - Math.sqrt(sq(p1 - w1.low()) + sq(w2.high() - p2));
    double high = d + Math.sqrt(sq(w1.high() - p1) + sq(p2 - w2.low()));
    double h = 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2));
    long successes = x1 + x2;
    long failures = n1 + n2 - successes;
    double minExpected =
        Math.min(successes, failures) * (double) Math.min(n1, n2) / (double) (n1 + n2);
    if (minExpected < 5) {
      return new Comparison(
          d,
          low,
          high,
          "newcombe-hybrid-score",
          "fisher-exact",
          Double.NaN,
          fisherExact(x1, n1 - x1, x2, n2 - x2),
          "cohens-h",
          h);
    }
    double pooled = (double) successes / (n1 + n2);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    double z = se == 0 ? 0 : d / se;
    return new Comparison(
        d,
        low,
        high,
        "newcombe-hybrid-score",
        "two-proportion-z",
        z,
        Normal.twoSided(z),
        "cohens-h",
        h);
  }

  /**
   * Fisher's exact test of the table {@code [[a, b], [c, d]]}, two-sided: the probability of every
   * table with the same margins that is no more likely than the one observed.
   */
  public static double fisherExact(long a, long b, long c, long d) {
    if (a < 0 || b < 0 || c < 0 || d < 0) {
      throw new IllegalArgumentException(
          "a 2x2 table needs counts of 0 or more, was [[%d, %d], [%d, %d]]".formatted(a, b, c, d));
    }
    long row1 = a + b;
    long col1 = a + c;
    long n = a + b + c + d;
    long min = Math.max(0, col1 - (n - row1));
    long max = Math.min(row1, col1);
    double observed = logHypergeometric(a, row1, col1, n);
    double p = 0;
    for (long k = min; k <= max; k++) {
      double logP = logHypergeometric(k, row1, col1, n);
      // Relative tolerance, as R's fisher.test, so tables tied with the observed one count.
      if (logP <= observed + 1e-7) {
        p += Math.exp(logP);
      }
    }
    return Math.min(1, p);
  }

  /**
   * Welch's t-test of two means from their counts, means and sample variances (n − 1 denominator);
   * the difference is mean1 − mean2. Needs at least two observations in each group.
   */
  public static Comparison means(
      long n1, double mean1, double variance1, long n2, double mean2, double variance2) {
    if (n1 < 2 || n2 < 2) {
      return undefined("welch-t", "cohens-d");
    }
    double v1 = variance1 / n1;
    double v2 = variance2 / n2;
    double se = Math.sqrt(v1 + v2);
    double d = mean1 - mean2;
    double pooledSd =
        Math.sqrt(((n1 - 1) * variance1 + (n2 - 1) * variance2) / (double) (n1 + n2 - 2));
    double cohen = pooledSd == 0 ? (d == 0 ? 0 : Double.NaN) : d / pooledSd;
    if (se == 0) {
      return new Comparison(
          d, d, d, "welch-t", "welch-t", Double.NaN, d == 0 ? 1 : 0, "cohens-d", cohen);
    }
    double df = sq(v1 + v2) / (sq(v1) / (n1 - 1) + sq(v2) / (n2 - 1));
    double t = d / se;
    double p = 2 * StudentT.cdf(-Math.abs(t), Math.max(1, df));
    double margin = StudentT.quantile(0.975, Math.max(1, df)) * se;
    return new Comparison(
        d, d - margin, d + margin, "welch-t", "welch-t", t, Math.min(1, p), "cohens-d", cohen);
  }

  /**
   * Mann–Whitney U of two samples (e.g. durations); the statistic is U of {@code a} (pairs where a
   * is larger, ties counting half), the difference the Hodges–Lehmann shift a − b, and the
   * rank-biserial correlation 2U/(n1 n2) − 1 (positive when a tends to be larger).
   */
  public static Comparison ranks(double[] a, double[] b) {
    int n1 = a.length;
    int n2 = b.length;
    if (n1 == 0 || n2 == 0) {
      return undefined("mann-whitney-u", "rank-biserial");
    }
    int n = n1 + n2;
    double[] all = new double[n];
    int[] group = new int[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      all[i] = i < n1 ? a[i] : b[i - n1];
      group[i] = i < n1 ? 0 : 1;
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(all[x], all[y]));
    double rankSumA = 0;
    double ties = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && all[order[j + 1]] == all[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      int t = j - i + 1;
      ties += (double) t * t * t - t;
      for (int k = i; k <= j; k++) {
        if (group[order[k]] == 0) {
          rankSumA += rank;
        }
      }
      i = j + 1;
    }
    double u = rankSumA - n1 * (n1 + 1) / 2.0;
    double mean = n1 * (double) n2 / 2;
    double variance = n1 * (double) n2 / 12 * ((n + 1) - ties / ((double) n * (n - 1)));
    double z;
    double p;
    if (variance <= 0) {
      z = 0;
      p = 1;
    } else {
      double excess = Math.max(0, Math.abs(u - mean) - 0.5);
      z = Math.signum(u - mean) * excess / Math.sqrt(variance);
      p = Normal.twoSided(z);
    }
    double rankBiserial = 2 * u / (n1 * (double) n2) - 1;
    double[] shift = hodgesLehmann(a, b);
    return new Comparison(
        shift[0],
        shift[1],
        shift[2],
        shift.length > 3 ? "difference-of-medians" : "hodges-lehmann",
        "mann-whitney-u",
        u,
        p,
        "rank-biserial",
        rankBiserial);
  }

  /**
   * Two NPS compared: the difference of the plain scores in points, the interval from the adjusted
   * shares (n + 3, promoters and detractors + ¾, Rocks 2016) with the two variances added, and the
   * z-test of the adjusted difference. The effect is the difference in points (NPS has no common
   * standardized effect size).
   */
  public static Comparison nps(
      long promoters1, long detractors1, long n1, long promoters2, long detractors2, long n2) {
    requireCounts(promoters1 + detractors1, n1);
    requireCounts(promoters2 + detractors2, n2);
    if (n1 == 0 || n2 == 0) {
      return undefined("nps-adjusted-wald-z", "nps-points");
    }
    double[] a = adjusted(promoters1, detractors1, n1);
    double[] b = adjusted(promoters2, detractors2, n2);
    double plain =
        100.0 * (promoters1 - detractors1) / n1 - 100.0 * (promoters2 - detractors2) / n2;
    double centre = a[0] - b[0];
    double se = Math.sqrt(a[1] + b[1]);
    double z = centre / se;
    return new Comparison(
        plain,
        Math.max(-200, 100 * (centre - SurveyIntervals.Z * se)),
        Math.min(200, 100 * (centre + SurveyIntervals.Z * se)),
        "adjusted-wald",
        "nps-adjusted-wald-z",
        z,
        Normal.twoSided(z),
        "nps-points",
        plain);
  }

  /** The adjusted NPS as a fraction and its variance. */
  private static double[] adjusted(long promoters, long detractors, long n) {
    double adjustedN = n + 3;
    double p = (promoters + 0.75) / adjustedN;
    double d = (detractors + 0.75) / adjustedN;
    return new double[] {p - d, (p + d - sq(p - d)) / adjustedN};
  }

  /** {estimate, low, high} of the shift a − b; a fourth element marks "no interval". */
  private static double[] hodgesLehmann(double[] a, double[] b) {
    long pairs = (long) a.length * b.length;
    if (pairs > MAX_PAIRS) {
      return new double[] {median(a) - median(b), Double.NaN, Double.NaN, 0};
    }
    double[] differences = new double[(int) pairs];
    int k = 0;
    for (double x : a) {
      for (double y : b) {
        differences[k++] = x - y;
      }
    }
    Arrays.sort(differences);
    double estimate = median(differences);
    double spread = SurveyIntervals.Z * Math.sqrt(pairs * (double) (a.length + b.length + 1) / 12);
    int c = (int) Math.floor(pairs / 2.0 - spread);
    if (c < 0) {
      return new double[] {estimate, differences[0], differences[differences.length - 1]};
    }
    return new double[] {estimate, differences[c], differences[(int) pairs - 1 - c]};
  }

  /** The median of a sample (mean of the two middle values when even); sorts a copy. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Wilson's score interval of a share, the building block of Newcombe's difference interval. */
  static Interval wilson(long x, long n) {
    double p = (double) x / n;
    double z2 = SurveyIntervals.Z * SurveyIntervals.Z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half =
        SurveyIntervals.Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half), n, "wilson");
  }

  private static double logHypergeometric(long k, long row1, long col1, long n) {
    return logChoose(col1, k) + logChoose(n - col1, row1 - k) - logChoose(n, row1);
  }

  private static double logChoose(long n, long k) {
    return StudentT.logGamma(n + 1) - StudentT.logGamma(k + 1) - StudentT.logGamma(n - k + 1);
  }

  private static Comparison undefined(String test, String effect) {
    return new Comparison(
        Double.NaN,
        Double.NaN,
        Double.NaN,
        "none",
        test,
        Double.NaN,
        Double.NaN,
        effect,
        Double.NaN);
  }

  private static void requireCounts(long x, long n) {
    if (x < 0 || n < 0 || x > n) {
      throw new IllegalArgumentException(
          "a count must be between 0 and its total, was %d of %d".formatted(x, n));
    }
  }

  private static double sq(double x) {
    return x * x;
  }
}
