package trailmap.flows.runtime;

import java.time.Duration;

/**
 * How often the outbox tries a delivery that fails in a way retrying can help (an I/O error, a 408,
 * 429 or 5xx answer, a transient SMTP error) before the row is {@code dead}: {@code attempts} tries
 * in all, the first retry {@code backoff} after the first failure, each further one twice as long
 * after the previous, never more than {@link #MAX_BACKOFF} apart.
 *
 * <pre>
 * messaging:
 *   retries: {attempts: 8, backoff: 30s}   # the defaults
 * </pre>
 *
 * @param attempts tries in all, 1..100 (1: no retry)
 * @param backoff the wait after the first failure, more than zero and at most 6 h
 */
public record DeliveryRetries(int attempts, Duration backoff) {
  public static final int MAX_ATTEMPTS = 100;
  public static final Duration MAX_BACKOFF = Duration.ofHours(6);
  public static final DeliveryRetries DEFAULT = new DeliveryRetries(8, Duration.ofSeconds(30));

  /**
   * @throws IllegalArgumentException for attempts outside 1..100 or a backoff that is not positive
   *     or over 6 h
   */
  public DeliveryRetries {
    if (attempts < 1 || attempts > MAX_ATTEMPTS) {
      throw new IllegalArgumentException(
          "attempts must be between 1 and " + MAX_ATTEMPTS + ", was " + attempts);
    }
    if (backoff == null || backoff.isNegative() || backoff.isZero()) {
      throw new IllegalArgumentException(
          "backoff must be more than zero, e.g. 30s, was " + backoff);
    }
    if (backoff.compareTo(MAX_BACKOFF) > 0) {
      throw new IllegalArgumentException(
          "backoff must be at most 6h (the longest wait between two attempts), was " + backoff);
    }
  }

  /** The wait after {@code failures} failed attempts (1 or more): doubling, at most 6 h. */
  Duration after(int failures) {
    Duration d = backoff.multipliedBy(1L << Math.min(30, Math.max(0, failures - 1)));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }
}
