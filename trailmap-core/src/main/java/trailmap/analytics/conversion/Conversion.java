package trailmap.analytics.conversion;

import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;

/**
 * The share of profiles doing A who later do B within a window.
 *
 * <pre>{@code
 * ConversionFound found = Conversion.of(table, StepTest.named(table, "Viewed Pricing"),
 *     StepTest.named(table, "Started Trial"), 14 * DAY_MICROS, EventFilter.ALL);
 * }</pre>
 *
 * <p>A profile <em>enters</em> when it has an A event that {@code entries} counts. It
 * <em>converts</em> when some such A event is followed, later in the profile's event order (so an
 * event never converts from itself; equal times keep arrival order), by a B event at most {@code
 * windowMicros} after it. Its time to convert runs from the earliest A event that converts to the
 * first B event after it. Each profile counts once.
 */
public final class Conversion {
  /** No window: B may come any time after A. */
  public static final long NO_WINDOW = Long.MAX_VALUE;

  private Conversion() {}

  public static ConversionFound of(
      EventTable table, StepTest first, StepTest then, long windowMicros, EventFilter entries) {
    if (windowMicros < 0) {
      throw new IllegalArgumentException(
          "a conversion window must not be negative, was " + windowMicros + " µs");
    }
    long entered = 0;
    double[] seconds = new double[16];
    int converted = 0;
    int[] nextThen = new int[16];
    for (int p = 0; p < table.profiles(); p++) {
      int start = table.profileStart(p);
      int end = table.profileEnd(p);
      if (nextThen.length < end - start) {
        nextThen = new int[Math.max(end - start, nextThen.length * 2)];
      }
      int next = -1;
      for (int e = end - 1; e >= start; e--) {
        nextThen[e - start] = next;
        if (then.test(table, e)) {
          next = e;
        }
      }
      boolean entersHere = false;
      for (int e = start; e < end; e++) {
        if (!first.test(table, e) || !entries.test(table, p, e)) {
          continue;
        }
        entersHere = true;
        int b = nextThen[e - start];
        if (b >= 0 && table.micros(b) - table.micros(e) <= windowMicros) {
          if (converted == seconds.length) {
            seconds = java.util.Arrays.copyOf(seconds, converted * 2);
          }
          seconds[converted++] = (table.micros(b) - table.micros(e)) / 1_000_000.0;
          break;
        }
      }
      if (entersHere) {
        entered++;
      }
    }
    return new ConversionFound(entered, java.util.Arrays.copyOf(seconds, converted));
  }
}
