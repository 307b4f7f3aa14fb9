package trailmap.flows.runtime;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instants flow states are written with ({@link Instant#toString}: {@code
 * 2026-12-01T17:18:53.123Z}, UTC, a fraction of up to nine digits) without {@link Instant#parse}'s
 * formatter, which was a twentieth of a timer's cost in the flow runtime
 * (trailmap-bench/README.md). Any other form goes to {@link Instant#parse}, so the result is always
 * the same as its.
 */
final class IsoInstants {
  private IsoInstants() {}

  static Instant parse(String text) {
    int n = text.length();
    if (n < 20 || n > 30 || text.charAt(n - 1) != 'Z' || !shape(text)) {
      return Instant.parse(text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int nano = 0;
    if (n > 20) {
      if (text.charAt(19) != '.' || n == 21) {
        return Instant.parse(text);
      }
      for (int i = 20; i < n - 1; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return Instant.parse(text);
        }
        nano = nano * 10 + (c - '0');
      }
      for (int i = n - 1 - 20; i < 9; i++) {
        nano *= 10;
      }
    }
    if (month < 1
        || month > 12
        || day < 1
        || day > 31
        || hour > 23
        || minute > 59
        || second > 59
        || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
      return Instant.parse(text); // let the formatter say what is wrong
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nano);
  }

  /** {@code dddd-dd-ddTdd:dd:dd}, each d a digit. */
  private static boolean shape(String t) {
    for (int i = 0; i < 19; i++) {
      char c = t.charAt(i);
      boolean ok =
          switch (i) {
            case 4, 7 -> c == '-';
            case 10 -> c == 'T';
            case 13, 16 -> c == ':';
            default -> c >= '0' && c <= '9';
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static int digits(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (t.charAt(i) - '0');
    }
    return v;
  }
}
