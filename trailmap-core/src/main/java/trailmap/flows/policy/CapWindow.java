package trailmap.flows.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A calendar window of a frequency cap in the profile's zone: the current day (from local
 * midnight), week (from Monday midnight) or month (from the 1st).
 */
public enum CapWindow {
  DAY,
  WEEK,
  MONTH;

  /** The name in policy files and messages: {@code day}, {@code week}, {@code month}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The first day of the window that contains {@code at}. */
  public LocalDate firstDay(Instant at, ZoneId zone) {
    LocalDate day = LocalDate.ofInstant(at, zone);
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.minusDays(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  /** When the window containing {@code at} starts. */
  public Instant start(Instant at, ZoneId zone) {
    return firstDay(at, zone).atStartOfDay(zone).toInstant();
  }

  /** When the window containing {@code at} ends (the next one starts). */
  public Instant end(Instant at, ZoneId zone) {
    LocalDate first = firstDay(at, zone);
    LocalDate next =
        switch (this) {
          case DAY -> first.plusDays(1);
          case WEEK -> first.plusWeeks(1);
          case MONTH -> first.plusMonths(1);
        };
    return next.atStartOfDay(zone).toInstant();
  }

  /** "today", "Mon 2025-03-10", "2025-03-01": when the window began, for "sent 3 since …". */
  String since(Instant at, ZoneId zone) {
    LocalDate first = firstDay(at, zone);
    return switch (this) {
      case DAY -> "today";
      case WEEK -> "Mon " + first;
      case MONTH -> first.toString();
    };
  }
}
