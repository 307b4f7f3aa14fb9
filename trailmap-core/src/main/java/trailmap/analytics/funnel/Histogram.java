package trailmap.analytics.funnel;

import java.util.List;

/**
 * Times to convert counted in fixed buckets, so histograms of partitions add. Bucket {@code i}
 * holds times {@code t} with {@code EDGES_SECONDS[i] <= t < EDGES_SECONDS[i + 1]}; the last bucket
 * is open-ended: 0–1m, 1–5m, 5–15m, 15m–1h, 1–6h, 6h–1d, 1–3d, 3–7d, 7–14d, 14–30d, 30d and more.
 *
 * @param counts one count per bucket, {@link #EDGES_SECONDS} long
 */
public record Histogram(List<Long> counts) {
  /** The lower edge of each bucket, in seconds. */
  public static final List<Long> EDGES_SECONDS =
      List.of(
          0L,
          60L,
          300L,
          900L,
          3_600L,
          21_600L,
          86_400L,
          259_200L,
          604_800L,
          1_209_600L,
          2_592_000L);

  public Histogram {
    counts = List.copyOf(counts);
    if (counts.size() != EDGES_SECONDS.size()) {
      throw new IllegalArgumentException(
          "a histogram has %d buckets, got %d counts"
              .formatted(EDGES_SECONDS.size(), counts.size()));
    }
  }

  /** The bucket a time falls in; negative times (never produced) fall in the first. */
  static int bucket(long micros) {
    long seconds = micros / 1_000_000L;
    int bucket = 0;
    for (int i = 1; i < EDGES_SECONDS.size(); i++) {
      if (seconds >= EDGES_SECONDS.get(i)) {
        bucket = i;
      }
    }
    return bucket;
  }
}
