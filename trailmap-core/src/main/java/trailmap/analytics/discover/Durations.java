package trailmap.analytics.discover;

import java.util.Arrays;

/**
 * An exact sample of durations (microseconds, non-negative), sorted, with quantiles. Merging two
 * samples keeps every value, so the quantiles of merged partitions equal those of the whole.
 * Immutable.
 *
 * <p>Quantiles interpolate linearly between the two closest ranks (the "type 7" definition of
 * Hyndman and Fan, numpy's and R's default): the median of an even sample is the mean of the two
 * middle values.
 */
public final class Durations {
  public static final Durations NONE = new Durations(new long[0]);

  private final long[] sorted;

  private Durations(long[] sorted) {
    this.sorted = sorted;
  }

  /** A sample of these values (copied, then sorted). */
  public static Durations of(long[] micros, int count) {
    long[] copy = Arrays.copyOf(micros, count);
    for (long value : copy) {
      if (value < 0) {
        throw new IllegalArgumentException("a duration must not be negative, was " + value + " µs");
      }
    }
    Arrays.sort(copy);
    return new Durations(copy);
  }

  public static Durations of(long... micros) {
    return of(micros, micros.length);
  }

  /** How many durations the sample holds. */
  public int size() {
    return sorted.length;
  }

  /** The {@code p}-quantile in seconds, {@code p} from 0 to 1 inclusive; 0 for an empty sample. */
  public double quantileSeconds(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("a quantile must be between 0 and 1, was " + p);
    }
    if (sorted.length == 0) {
      return 0;
    }
    double rank = p * (sorted.length - 1);
    int low = (int) Math.floor(rank);
    int high = Math.min(low + 1, sorted.length - 1);
    double micros = sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    return micros / 1_000_000.0;
  }

  public double medianSeconds() {
    return quantileSeconds(0.5);
  }

  public double p90Seconds() {
    return quantileSeconds(0.9);
  }

  /** Both samples' values together. */
  public Durations merge(Durations other) {
    long[] merged = new long[sorted.length + other.sorted.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < sorted.length && j < other.sorted.length) {
      merged[k++] = sorted[i] <= other.sorted[j] ? sorted[i++] : other.sorted[j++];
    }
    while (i < sorted.length) {
      merged[k++] = sorted[i++];
    }
    while (j < other.sorted.length) {
      merged[k++] = other.sorted[j++];
    }
    return new Durations(merged);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Durations that && Arrays.equals(sorted, that.sorted);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sorted);
  }

  @Override
  public String toString() {
    return sorted.length + " durations, median " + medianSeconds() + " s";
  }
}
