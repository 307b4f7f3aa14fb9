package trailmap.ingest;

/**
 * Size limits of the collection API, by default the ones Segment documents for its HTTP Tracking
 * API, which the official libraries respect when they batch.
 *
 * <p>Set in the server's config file as {@code maxEventBytes}, {@code maxBatchBytes} and {@code
 * maxBatchEvents}.
 *
 * @param maxEventBytes largest single call, and largest event inside a batch (the bytes of its
 *     JSON), after gzip decompression; 1 KB..64 MB
 * @param maxBatchBytes largest {@code /v1/batch} or {@code /v1/import} body after gzip
 *     decompression; {@code maxEventBytes}..64 MB
 * @param maxBatchEvents most events in one batch; 1..1,000,000
 */
public record IngestLimits(int maxEventBytes, int maxBatchBytes, int maxBatchEvents) {
  /** Segment's limits: 32 KB per call, 500 KB and 2,500 events per batch. */
  public static final IngestLimits SEGMENT = new IngestLimits(32 * 1024, 500 * 1024, 2_500);

  /** The most any byte limit may be: bodies are held in memory while they are checked. */
  public static final int MAX_BYTES = 64 * 1024 * 1024;

  public IngestLimits {
    if (maxEventBytes < 1024 || maxEventBytes > MAX_BYTES) {
      throw new IllegalArgumentException(
          "maxEventBytes must be between 1KB and 64MB, was " + maxEventBytes + " bytes");
    }
    if (maxBatchBytes > MAX_BYTES) {
      throw new IllegalArgumentException(
          "maxBatchBytes must be at most 64MB, was " + maxBatchBytes + " bytes");
    }
    if (maxBatchBytes < maxEventBytes) {
      throw new IllegalArgumentException(
          "maxBatchBytes ("
              + maxBatchBytes
              + ") must be at least maxEventBytes ("
              + maxEventBytes
              + ")");
    }
    if (maxBatchEvents < 1 || maxBatchEvents > 1_000_000) {
      throw new IllegalArgumentException(
          "maxBatchEvents must be between 1 and 1000000, was " + maxBatchEvents);
    }
  }
}
