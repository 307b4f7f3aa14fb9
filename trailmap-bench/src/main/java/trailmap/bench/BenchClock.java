package trailmap.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UTC clock the benchmark sets by hand, to the millisecond (what flows.db keeps), so the durable
 * runtime runs two days of waiting in a moment. Safe to read from any thread.
 */
final class BenchClock extends Clock {
  private final AtomicLong millis;

  BenchClock(Instant start) {
    millis = new AtomicLong(start.toEpochMilli());
  }

  void set(Instant to) {
    millis.set(to.toEpochMilli());
  }

  void advance(Duration by) {
    millis.addAndGet(by.toMillis());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the benchmark clock is UTC");
  }
}
