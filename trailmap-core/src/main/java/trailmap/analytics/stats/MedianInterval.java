package trailmap.analytics.stats;

/**
 * The median of a sample with its distribution-free 95% interval from order statistics: the
 * interval runs from the j-th to the k-th smallest value, j = ⌊n/2 − 1.96·√n/2⌋ and k = ⌈n/2 + 1 +
 * 1.96·√n/2⌉ (1-based, clipped to the sample; the normal approximation of the binomial, Conover,
 * Practical Nonparametric Statistics, §3.2). The median interpolates as {@code Durations} does.
 */
public final class MedianInterval {
  private MedianInterval() {}

  /** Over values sorted ascending. */
  public static Interval of(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return new Interval(Double.NaN, Double.NaN, Double.NaN, 0, "order-statistics");
    }
    for (int i = 1; i < n; i++) {
      if (sorted[i] < sorted[i - 1]) {
        throw new IllegalArgumentException(
            "values must be sorted ascending; value %d (%s) is below the one before (%s)"
                .formatted(i, sorted[i], sorted[i - 1]));
      }
    }
    double rank = 0.5 * (n - 1);
    int below = (int) Math.floor(rank);
    int above = Math.min(below + 1, n - 1);
    double median = sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    double half = SurveyIntervals.Z * Math.sqrt(n) / 2;
    int j = Math.max(1, (int) Math.floor(n / 2.0 - half));
    int k = Math.min(n, (int) Math.ceil(n / 2.0 + 1 + half));
    return new Interval(median, sorted[j - 1], sorted[k - 1], n, "order-statistics");
  }
}
