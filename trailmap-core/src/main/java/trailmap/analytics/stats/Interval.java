package trailmap.analytics.stats;

/**
 * A point estimate with its two-sided 95% confidence interval, in the figure's own unit (an NPS in
 * points from -100 to 100, a share from 0 to 1, a mean on its scale).
 *
 * @param n the number of observations behind it
 * @param method how the interval was computed, as stated in answers
 */
public record Interval(double estimate, double low, double high, long n, String method) {
  /** Whether there is at least one observation; with none every number is NaN. */
  public boolean defined() {
    return n > 0 && !Double.isNaN(estimate);
  }
}
