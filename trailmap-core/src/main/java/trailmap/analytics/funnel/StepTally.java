package trailmap.analytics.funnel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Per step, how many profiles reached it and their times to convert (microseconds). Times are kept
 * exactly so medians are exact and tallies of partitions merge by concatenation; a mergeable
 * quantile sketch can replace them when partitions grow large.
 */
final class StepTally {
  private final long[] reached;
  private final long[][] times;
  private final int[] sizes;

  StepTally(int steps) {
    reached = new long[steps];
    times = new long[steps][];
    sizes = new int[steps];
    for (int s = 0; s < steps; s++) {
      times[s] = new long[8];
    }
  }

  /** Counts one profile that reached {@code reach} steps, with entry and step times. */
  void add(int reach, long[] t, int[] reachedAt) {
    long start = t[reachedAt[0]];
    reached[0]++;
    for (int s = 1; s < reach; s++) {
      reached[s]++;
      push(s, t[reachedAt[s]] - start);
    }
  }

  long entries() {
    return reached[0];
  }

  void merge(StepTally other) {
    for (int s = 0; s < reached.length; s++) {
      reached[s] += other.reached[s];
      for (int k = 0; k < other.sizes[s]; k++) {
        push(s, other.times[s][k]);
      }
    }
  }

  private void push(int step, long micros) {
    if (sizes[step] == times[step].length) {
      times[step] = Arrays.copyOf(times[step], sizes[step] * 2);
    }
    times[step][sizes[step]++] = micros;
  }

  List<StepResult> results(List<FunnelStep> steps) {
    List<StepResult> results = new ArrayList<>();
    for (int s = 0; s < reached.length; s++) {
      long count = reached[s];
      long previous = s == 0 ? count : reached[s - 1];
      double fromFirst = reached[0] == 0 ? 0 : (double) count / reached[0];
      double fromPrevious = previous == 0 ? 0 : (double) count / previous;
      long[] sorted = Arrays.copyOf(times[s], sizes[s]);
      Arrays.sort(sorted);
      Long[] buckets = new Long[Histogram.EDGES_SECONDS.size()];
      Arrays.fill(buckets, 0L);
      long sum = 0;
      for (long micros : sorted) {
        buckets[Histogram.bucket(micros)]++;
        sum += micros;
      }
      int n = sorted.length;
      OptionalDouble average =
          n == 0 ? OptionalDouble.empty() : OptionalDouble.of(seconds(sum) / n);
      OptionalDouble median =
          n == 0
              ? OptionalDouble.empty()
              : OptionalDouble.of(
                  n % 2 == 1
                      ? seconds(sorted[n / 2])
                      : (seconds(sorted[n / 2 - 1]) + seconds(sorted[n / 2])) / 2);
      OptionalDouble p90 =
          n == 0
              ? OptionalDouble.empty()
              : OptionalDouble.of(seconds(sorted[(9 * n + 9) / 10 - 1])); // ⌈0.9·n⌉-th
      results.add(
          new StepResult(
              steps.get(s).name(),
              count,
              fromFirst,
              fromPrevious,
              s == 0 ? 0 : previous - count,
              average,
              median,
              p90,
              new Histogram(List.of(buckets))));
    }
    return results;
  }

  private static double seconds(long micros) {
    return micros / 1_000_000.0;
  }
}
