package trailmap.analytics.stats;

/**
 * Two groups compared on one figure: the difference a − b with its 95% interval, a significance
 * test and an effect size. NaN marks a number that is not defined (e.g. no interval, too few
 * answers).
 *
 * @param difference the figure of a minus the figure of b, in the figure's unit
 * @param low the lower end of the 95% interval of the difference
 * @param high the upper end
 * @param differenceMethod how the interval was taken
 * @param test the test's name, e.g. {@code two-proportion-z}
 * @param statistic the test statistic (z, t or U); NaN for Fisher's exact test
 * @param pValue two-sided
 * @param effectName e.g. {@code cohens-h}
 * @param effect the effect size
 */
public record Comparison(
    double difference,
    double low,
    double high,
    String differenceMethod,
    String test,
    double statistic,
    double pValue,
    String effectName,
    double effect) {

  /** The conventional significance level the answers use. */
  public static final double ALPHA = 0.05;

  /** Whether p is below {@link #ALPHA}. */
  public boolean significant() {
    return pValue < ALPHA;
  }

  /**
   * Cohen's words for the size of a standardized effect (|h| or |d|: 0.2 small, 0.5 medium, 0.8
   * large; |r| for rank-biserial: 0.1, 0.3, 0.5), or {@code negligible} below the smallest.
   */
  public String magnitude() {
    double size = Math.abs(effect);
    if (Double.isNaN(size)) {
      return "undefined";
    }
    boolean rank = effectName.equals("rank-biserial");
    double[] steps = rank ? new double[] {0.1, 0.3, 0.5} : new double[] {0.2, 0.5, 0.8};
    if (effectName.equals("nps-points")) {
      return "not standardized";
    }
    return size >= steps[2]
        ? "large"
        : size >= steps[1] ? "medium" : size >= steps[0] ? "small" : "negligible";
  }
}
