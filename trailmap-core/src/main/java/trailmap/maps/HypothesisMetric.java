package trailmap.maps;

import java.util.Arrays;
import java.util.Optional;

/** What a {@link Hypothesis} measures. Shares are fractions in 0..1, times are in seconds. */
public enum HypothesisMetric {
  /** Share of profiles reaching the touchpoint who do not reach the next one. */
  DROP_OFF("drop-off"),
  /** Share of profiles reaching the touchpoint who go on to the next one. */
  CONVERSION("conversion"),
  /** Net Promoter Score at the touchpoint, -100..100. */
  NPS("nps"),
  /** Share of satisfied (4-5 of 5) answers, 0..1. */
  CSAT("csat"),
  /** Mean Customer Effort Score, 1..7, lower is better. */
  CES("ces"),
  /** Median seconds from the touchpoint to the next one. */
  TIME_TO_NEXT("time-to-next");

  private final String wireName;

  HypothesisMetric(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in map files, e.g. {@code drop-off}. */
  public String wireName() {
    return wireName;
  }

  /** The metric with this file name, if any. */
  public static Optional<HypothesisMetric> fromWireName(String name) {
    return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
  }
}
