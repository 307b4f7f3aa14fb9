package trailmap.analytics.hypotheses;

import java.util.Optional;
import trailmap.analytics.stats.Interval;

/**
 * A verdict with the reason in words.
 *
 * @param estimateHolds whether the point estimate alone lies inside the bounds (which way the data
 *     leans when the verdict is not enough data); false when there is no estimate
 */
public record Judgement(Verdict verdict, String reason, boolean estimateHolds) {
  /** The default minimum number of observations before a claim is judged. */
  public static final int DEFAULT_MINIMUM_N = 30;

  /**
   * Judges a measured interval against {@code atLeast} and/or {@code atMost} (inclusive): not
   * enough data below {@code minimumN} observations; supported when the whole interval satisfies
   * every bound; refuted when the whole interval violates one; else not enough data.
   */
  public static Judgement of(
      Interval measured, Optional<Double> atLeast, Optional<Double> atMost, int minimumN) {
    if (atLeast.isEmpty() && atMost.isEmpty()) {
      throw new IllegalArgumentException("a claim needs atLeast, atMost or both");
    }
    boolean estimateHolds =
        measured.defined()
            && atLeast.map(l -> measured.estimate() >= l).orElse(true)
            && atMost.map(m -> measured.estimate() <= m).orElse(true);
    if (!measured.defined() || measured.n() < minimumN) {
      return new Judgement(
          Verdict.NOT_ENOUGH_DATA,
          "n = %d, below the minimum of %d".formatted(measured.n(), minimumN),
          estimateHolds);
    }
    String interval =
        "the 95%% interval [%s, %s]".formatted(round(measured.low()), round(measured.high()));
    if (atLeast.isPresent() && measured.high() < atLeast.get()) {
      return new Judgement(
          Verdict.REFUTED, interval + " lies below atLeast " + round(atLeast.get()), false);
    }
    if (atMost.isPresent() && measured.low() > atMost.get()) {
      return new Judgement(
          Verdict.REFUTED, interval + " lies above atMost " + round(atMost.get()), false);
    }
    boolean above = atLeast.map(l -> measured.low() >= l).orElse(true);
    boolean below = atMost.map(m -> measured.high() <= m).orElse(true);
    if (above && below) {
      return new Judgement(Verdict.SUPPORTED, interval + " lies " + bounds(atLeast, atMost), true);
    }
    return new Judgement(
        Verdict.NOT_ENOUGH_DATA,
        interval
            + " reaches both sides of "
            + (above
                ? "atMost " + round(atMost.orElseThrow())
                : "atLeast " + round(atLeast.orElseThrow())),
        estimateHolds);
  }

  private static String bounds(Optional<Double> atLeast, Optional<Double> atMost) {
    if (atLeast.isPresent() && atMost.isPresent()) {
      return "within [" + round(atLeast.get()) + ", " + round(atMost.get()) + "]";
    }
    return atLeast
        .map(l -> "at or above atLeast " + round(l))
        .orElseGet(() -> "at or below atMost " + round(atMost.orElseThrow()));
  }

  static String round(double value) {
    return java.math.BigDecimal.valueOf(value)
        .round(new java.math.MathContext(4))
        .stripTrailingZeros()
        .toPlainString();
  }
}
