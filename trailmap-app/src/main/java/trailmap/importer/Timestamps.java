package trailmap.importer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the event times import files carry. Accepted: ISO-8601 with an offset or {@code Z} ({@code
 * 2024-03-13T10:21:14+01:00}), ISO-8601 without one, with a {@code T} or a space ({@code 2024-03-13
 * 10:21:14}, read as UTC), a bare date (midnight UTC), and epoch numbers: below 10^11 they are
 * seconds (which covers dates up to the year 5138), else milliseconds; fractions allowed.
 */
final class Timestamps {
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final long SECONDS_LIMIT = 100_000_000_000L;

  private Timestamps() {}

  /** The instant, or empty when the text is none of the accepted forms. */
  static Optional<Instant> parse(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    if (NUMBER.matcher(t).matches()) {
      return epoch(new BigDecimal(t));
    }
    String iso =
        t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
    try {
      if (hasOffset(iso)) {
        return Optional.of(
            OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
      }
      if (iso.length() > 10) {
        return Optional.of(
            LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .toInstant(ZoneOffset.UTC));
      }
      return Optional.of(LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException notATime) {
      return Optional.empty();
    }
  }

  /** Whether a date-time ends in a zone: {@code Z}, or a sign after the time of day. */
  private static boolean hasOffset(String iso) {
    if (iso.endsWith("Z") || iso.endsWith("z")) {
      return true;
    }
    int t = iso.indexOf('T');
    return t > 0 && (iso.indexOf('+', t) > 0 || iso.indexOf('-', t) > 0);
  }

  private static Optional<Instant> epoch(BigDecimal value) {
    BigDecimal millis =
        value.abs().compareTo(BigDecimal.valueOf(SECONDS_LIMIT)) < 0
            ? value.movePointRight(3)
            : value;
    try {
      return Optional.of(Instant.ofEpochMilli(millis.longValueExact()));
    } catch (ArithmeticException fractionOfAMilli) {
      try {
        return Optional.of(
            Instant.ofEpochMilli(
                millis.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact()));
      } catch (ArithmeticException | java.time.DateTimeException tooLarge) {
        return Optional.empty();
      }
    } catch (java.time.DateTimeException tooLarge) {
      return Optional.empty();
    }
  }

  /** The error text for a time that did not parse. */
  static String problem(String what, String text) {
    return what
        + " '"
        + Problems.clip(text)
        + "' is not a time: use ISO-8601 (2024-03-13T10:21:14Z) or epoch seconds or milliseconds";
  }
}
