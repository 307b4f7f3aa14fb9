package trailmap.analytics.funnel;

import java.time.Duration;
import trailmap.text.DurationText;

/**
 * How long after its first step an attempt may reach its later steps. The limit is inclusive: a
 * step exactly one window after the first step still counts.
 *
 * @param duration at least one second and at most {@link #MAX}
 */
public record ConversionWindow(Duration duration) {
  /** The longest window accepted: ten years. */
  public static final Duration MAX = Duration.ofDays(3650);

  /** The default, as the issue and most product analytics tools have it. */
  public static final ConversionWindow DEFAULT = new ConversionWindow(Duration.ofDays(14));

  public ConversionWindow {
    if (duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "a conversion window must be at least 1s, was " + duration);
    }
    if (duration.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          "a conversion window must be at most 3650d (ten years), was %dd"
              .formatted(duration.toDays()));
    }
  }

  /**
   * Parses a window written as a whole number and a unit: {@code s} seconds, {@code m} minutes,
   * {@code h} hours, {@code d} days, {@code w} weeks, e.g. {@code 14d} or {@code 90m}, as
   * everywhere in Trailmap ({@link DurationText#parseShort}), but not ISO-8601.
   *
   * @throws IllegalArgumentException naming the text and the accepted form when it is malformed,
   *     zero or longer than {@link #MAX}
   */
  public static ConversionWindow parse(String text) {
    Duration d =
        DurationText.parseShort(text)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "window '%s' is not a whole number followed by s, m, h, d or w (e.g. 14d, 90m, 2w)"
                            .formatted(text)));
    if (d.isZero()) {
      throw new IllegalArgumentException(
          "window '%s' is zero; a conversion window must be at least 1s".formatted(text));
    }
    if (d.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          "window '%s' is longer than the maximum of 3650d (ten years)".formatted(text));
    }
    return new ConversionWindow(d);
  }

  /** The window in microseconds, the unit of {@link trailmap.analytics.EventTable#micros}. */
  public long micros() {
    return duration.getSeconds() * 1_000_000L + duration.getNano() / 1_000L;
  }

  /** The shortest text {@link #parse} reads back as this window, e.g. {@code 14d} or {@code 2w}. */
  public String text() {
    return DurationText.format(duration);
  }
}
