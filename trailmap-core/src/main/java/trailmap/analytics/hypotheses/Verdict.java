package trailmap.analytics.hypotheses;

import java.util.Locale;

/** What the data says about a claim. */
public enum Verdict {
  /** The whole 95% interval lies inside the claim's bounds. */
  SUPPORTED,
  /** The whole 95% interval lies outside a bound of the claim. */
  REFUTED,
  /** Fewer observations than the minimum, or the interval reaches both sides of a bound. */
  NOT_ENOUGH_DATA;

  /** {@code supported}, {@code refuted} or {@code not-enough-data}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
