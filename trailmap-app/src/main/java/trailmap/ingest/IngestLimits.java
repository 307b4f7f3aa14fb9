package trailmap.ingest;

/**
 * Size limits of the collection API, by default the ones Segment documents for its HTTP Tracking
 * API, which the official libraries respect when they batch.
 *
 * @param maxEventBytes largest single call, and largest event inside a batch (compact JSON), after
 *     gzip decompression; at least 1 KB
 * @param maxBatchBytes largest {@code /v1/batch} or {@code /v1/import} body after gzip
 *     decompression; at least {@code maxEventBytes}
 * @param maxBatchEvents most events in one batch; at least 1
 */
public record IngestLimits(int maxEventBytes, int maxBatchBytes, int maxBatchEvents) {
  /** Segment's limits: 32 KB per call, 500 KB and 2,500 events per batch. */
  public static final IngestLimits SEGMENT = new IngestLimits(32 * 1024, 500 * 1024, 2_500);

  public IngestLimits {
    if (maxEventBytes < 1024) {
      throw new IllegalArgumentException(
          "maxEventBytes must be at least 1KB, was " + maxEventBytes + " bytes");
    }
    if (maxBatchBytes < maxEventBytes) {
      throw new IllegalArgumentException(
          "maxBatchBytes ("
              + maxBatchBytes
              + ") must be at least maxEventBytes ("
              + maxEventBytes
              + ")");
    }
    if (maxBatchEvents < 1) {
      throw new IllegalArgumentException(
          "maxBatchEvents must be at least 1, was " + maxBatchEvents);
    }
  }
}
