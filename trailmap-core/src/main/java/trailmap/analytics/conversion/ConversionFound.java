package trailmap.analytics.conversion;

import java.util.Arrays;
import trailmap.analytics.stats.Interval;
import trailmap.analytics.stats.MedianInterval;
import trailmap.analytics.stats.SurveyIntervals;

/**
 * How many profiles entered (did the first step), how many converted, and each converter's time to
 * convert in seconds. Immutable; {@link #merge} adds two partitions.
 */
public final class ConversionFound {
  private final long entered;
  private final double[] seconds; // sorted ascending, one per converted profile

  ConversionFound(long entered, double[] seconds) {
    if (seconds.length > entered) {
      throw new IllegalArgumentException(
          "%d converted of %d entered; converters are a subset".formatted(seconds.length, entered));
    }
    this.entered = entered;
    this.seconds = seconds.clone();
    Arrays.sort(this.seconds);
  }

  public long entered() {
    return entered;
  }

  public long converted() {
    return seconds.length;
  }

  /** Entered profiles that did not convert. */
  public long dropped() {
    return entered - seconds.length;
  }

  /** The share converted with its Agresti–Coull interval. */
  public Interval conversion() {
    return SurveyIntervals.share(converted(), entered);
  }

  /** The share that dropped off with its Agresti–Coull interval. */
  public Interval dropOff() {
    return SurveyIntervals.share(dropped(), entered);
  }

  /** The median seconds to convert with its order-statistics interval; n is the converters. */
  public Interval medianSeconds() {
    return MedianInterval.of(seconds);
  }

  /** A copy of the times to convert, in seconds, ascending. */
  public double[] seconds() {
    return seconds.clone();
  }

  public ConversionFound merge(ConversionFound other) {
    double[] both = Arrays.copyOf(seconds, seconds.length + other.seconds.length);
    System.arraycopy(other.seconds, 0, both, seconds.length, other.seconds.length);
    return new ConversionFound(entered + other.entered, both);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConversionFound that
        && that.entered == entered
        && Arrays.equals(seconds, that.seconds);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(entered) * 31 + Arrays.hashCode(seconds);
  }

  @Override
  public String toString() {
    return converted() + " of " + entered + " converted";
  }
}
