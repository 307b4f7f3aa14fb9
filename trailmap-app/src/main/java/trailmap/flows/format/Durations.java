package trailmap.flows.format;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in flow files: {@code 30s}, {@code 15m}, {@code 1h}, {@code 2d}, {@code 1w}, or ISO.
 */
final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(s|m|h|d|w)");

  private Durations() {}

  static Optional<Duration> parse(String text) {
    Matcher m = SHORT.matcher(text.strip());
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return Optional.of(
          switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
          });
    }
    try {
      return Optional.of(Duration.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The shortest exact form: {@code 2d}, {@code 90m}; ISO for fractions of a second. */
  static String format(Duration d) {
    if (d.getNano() != 0) {
      return d.toString();
    }
    long s = d.getSeconds();
    if (s % (7 * 86_400) == 0) {
      return s / (7 * 86_400) + "w";
    }
    if (s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }
}
