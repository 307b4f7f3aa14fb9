package trailmap.flows.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when told to. Not thread-safe: one test owns it. */
public final class FakeClock extends Clock {
  private Instant now;

  public FakeClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant instant() {
    return now;
  }

  void set(Instant to) {
    if (to.isBefore(now)) {
      throw new IllegalArgumentException("time runs forward: cannot go from " + now + " to " + to);
    }
    now = to;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the fake clock is UTC; profiles carry their own zone");
  }
}
