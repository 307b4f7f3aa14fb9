package trailmap.text;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in flow files, segment rules and analytics queries: a whole number
 * and a unit, {@code 30s}, {@code 15m}, {@code 1h}, {@code 2d}, {@code 1w} (a space between them is
 * allowed, and capitals), and, where a reader accepts it, ISO-8601 ({@code PT12H}, {@code P30D}).
 * One parser, so that a duration valid in one file is valid in the others; each reader still bounds
 * it as its setting needs.
 */
public final class DurationText {
  private static final Pattern SHORT =
      Pattern.compile("(\\d{1,9})\\s*([smhdw])", Pattern.CASE_INSENSITIVE);

  private DurationText() {}

  /** The short form only ({@code 14d}); empty for anything else, ISO included. */
  public static Optional<Duration> parseShort(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = SHORT.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          case "d" -> Duration.ofDays(n);
          default -> Duration.ofDays(7 * n);
        });
  }

  /** The short form or ISO-8601; empty when the text is neither. */
  public static Optional<Duration> parse(String text) {
    Optional<Duration> short_ = parseShort(text);
    if (short_.isPresent() || text == null) {
      return short_;
    }
    try {
      return Optional.of(Duration.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The shortest exact short form ({@code 2d}, {@code 90m}) that {@link #parse} reads back as
   * {@code d}; ISO-8601 for what the short form cannot say (fractions of a second, negative or
   * longer than 999,999,999 units).
   */
  public static String format(Duration d) {
    if (d.getNano() != 0 || d.isNegative()) {
      return d.toString();
    }
    long s = d.getSeconds();
    if (s == 0) {
      return "0s"; // not "0w", which every unit divides
    }
    long[] sizes = {7 * 86_400L, 86_400L, 3600L, 60L, 1L};
    String[] units = {"w", "d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (s % sizes[i] == 0 && s / sizes[i] <= 999_999_999L) {
        return s / sizes[i] + units[i];
      }
    }
    return d.toString();
  }
}
