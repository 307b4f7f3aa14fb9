package trailmap.analytics.funnel;

import java.time.Instant;
import java.util.Optional;

/**
 * The half-open range {@code [from, to)} that selects entry (first-step) events. Later steps may
 * fall after {@code to}, within the conversion window. An absent bound is unbounded.
 */
public record TimeRange(Optional<Instant> from, Optional<Instant> to) {
  /** No bounds: every first-step event is an entry. */
  public static final TimeRange ALL = new TimeRange(Optional.empty(), Optional.empty());

  public TimeRange {
    from = from == null ? Optional.empty() : from;
    to = to == null ? Optional.empty() : to;
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new IllegalArgumentException(
          "time range 'from' (%s) must be before 'to' (%s); the range is [from, to)"
              .formatted(from.get(), to.get()));
    }
  }

  /** The range {@code [from, to)}. */
  public static TimeRange between(Instant from, Instant to) {
    return new TimeRange(Optional.of(from), Optional.of(to));
  }

  /** The lower bound in epoch microseconds, inclusive; {@link Long#MIN_VALUE} when unbounded. */
  public long fromMicros() {
    return from.map(TimeRange::micros).orElse(Long.MIN_VALUE);
  }

  /** The upper bound in epoch microseconds, exclusive; {@link Long#MAX_VALUE} when unbounded. */
  public long toMicros() {
    return to.map(TimeRange::micros).orElse(Long.MAX_VALUE);
  }

  private static long micros(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    } catch (ArithmeticException e) {
      return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
