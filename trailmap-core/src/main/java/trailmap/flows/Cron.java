package trailmap.flows;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;

/**
 * A 5-field cron expression: {@code minute hour day-of-month month day-of-week}, e.g. {@code 0 9 *
 * * mon-fri}. Each field takes {@code *}, a number, a range {@code a-b}, a step {@code * /n} or
 * {@code a-b/n}, and comma lists of these; months and weekdays also take names ({@code jan}, {@code
 * mon}); weekday 0 and 7 are Sunday. As in Vixie cron, when both day-of-month and day-of-week are
 * restricted, a day matching either fires.
 *
 * <p>Times are local to a zone: {@link #next} is evaluated in the profile's zone. A local time
 * skipped by a DST jump fires at the first instant after the jump; a local time repeated by a DST
 * fall-back fires once, at its first occurrence.
 */
public final class Cron {
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final List<String> WEEKDAYS =
      List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
  private static final int[] MAX_DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private final String expression;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet days;
  private final BitSet months;
  private final BitSet weekdays;
  private final boolean anyDay;
  private final boolean anyWeekday;

  private Cron(
      String expression,
      BitSet minutes,
      BitSet hours,
      BitSet days,
      BitSet months,
      BitSet weekdays,
      boolean anyDay,
      boolean anyWeekday) {
    this.expression = expression;
    this.minutes = minutes;
    this.hours = hours;
    this.days = days;
    this.months = months;
    this.weekdays = weekdays;
    this.anyDay = anyDay;
    this.anyWeekday = anyWeekday;
  }

  /** The expression as written (trimmed). */
  public String expression() {
    return expression;
  }

  /**
   * Parses an expression; the exception names the field, the value and the allowed range.
   *
   * @throws IllegalArgumentException when the expression is malformed or can never fire
   */
  public static Cron parse(String expression) {
    Names.requireText(expression, "cron expression");
    String[] fields = expression.strip().split("\\s+");
    if (fields.length != 5) {
      throw new IllegalArgumentException(
          "cron '%s' has %d fields; write 5: minute hour day-of-month month day-of-week (e.g. '0 9 * * mon')"
              .formatted(expression, fields.length));
    }
    BitSet minutes = field(expression, "minute", fields[0], 0, 59, List.of(), 0);
    BitSet hours = field(expression, "hour", fields[1], 0, 23, List.of(), 0);
    BitSet days = field(expression, "day-of-month", fields[2], 1, 31, List.of(), 0);
    BitSet months = field(expression, "month", fields[3], 1, 12, MONTHS, 1);
    BitSet weekdays = field(expression, "day-of-week", fields[4], 0, 7, WEEKDAYS, 0);
    if (weekdays.get(7)) {
      weekdays.set(0);
      weekdays.clear(7);
    }
    boolean anyDay = fields[2].startsWith("*");
    boolean anyWeekday = fields[4].startsWith("*");
    if (anyWeekday && !anyDay) {
      boolean possible = false;
      for (int m = months.nextSetBit(1); m >= 0; m = months.nextSetBit(m + 1)) {
        possible |= days.nextSetBit(1) <= MAX_DAYS[m - 1];
      }
      if (!possible) {
        throw new IllegalArgumentException(
            "cron '%s' never fires: none of its months has day %d"
                .formatted(expression, days.nextSetBit(1)));
      }
    }
    return new Cron(expression.strip(), minutes, hours, days, months, weekdays, anyDay, anyWeekday);
  }

  /**
   * The first firing strictly after {@code after}, the cron's local times read in {@code zone} (a
   * profile's own zone). The live runtime and the dry run both compute a profile's next firing with
   * this, so a dry run fires when the server would.
   */
  public Instant next(Instant after, ZoneId zone) {
    return next(after.atZone(zone)).toInstant();
  }

  /** The first firing strictly after {@code after}, in {@code after}'s zone. */
  public ZonedDateTime next(ZonedDateTime after) {
    LocalDateTime t = after.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    LocalDateTime limit = t.plusYears(5);
    while (t.isBefore(limit)) {
      if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).toLocalDate().plusMonths(1).atStartOfDay();
      } else if (!dayMatches(t)) {
        t = t.toLocalDate().plusDays(1).atStartOfDay();
      } else if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.get(t.getMinute())) {
        t = t.plusMinutes(1);
      } else {
        ZonedDateTime zoned = ZonedDateTime.ofLocal(t, after.getZone(), null);
        if (zoned.toInstant().isAfter(after.toInstant())) {
          return zoned;
        }
        t = t.plusMinutes(1);
      }
    }
    // parse() rejects expressions that never fire; five years covers leap days and weekdays.
    throw new IllegalStateException("cron '" + expression + "' did not fire within 5 years");
  }

  private boolean dayMatches(LocalDateTime t) {
    boolean day = days.get(t.getDayOfMonth());
    boolean weekday = weekdays.get(t.getDayOfWeek().getValue() % 7);
    if (anyDay && anyWeekday) {
      return true;
    }
    if (anyDay) {
      return weekday;
    }
    if (anyWeekday) {
      return day;
    }
    return day || weekday;
  }

  private static BitSet field(
      String expression,
      String name,
      String text,
      int min,
      int max,
      List<String> names,
      int nameBase) {
    BitSet bits = new BitSet(max + 1);
    for (String part : text.split(",", -1)) {
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        step = number(expression, name, part.substring(slash + 1), 1, max, List.of(), 0);
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else if (range.indexOf('-') > 0) {
        int dash = range.indexOf('-');
        from = number(expression, name, range.substring(0, dash), min, max, names, nameBase);
        to = number(expression, name, range.substring(dash + 1), min, max, names, nameBase);
        if (from > to) {
          throw new IllegalArgumentException(
              "cron '%s': %s range '%s' runs backwards; write the smaller value first"
                  .formatted(expression, name, range));
        }
      } else {
        from = number(expression, name, range, min, max, names, nameBase);
        to = slash >= 0 ? max : from;
      }
      for (int v = from; v <= to; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private static int number(
      String expression,
      String name,
      String text,
      int min,
      int max,
      List<String> names,
      int nameBase) {
    int named = names.indexOf(text.toLowerCase(java.util.Locale.ROOT));
    if (named >= 0) {
      return named + nameBase;
    }
    try {
      int value = Integer.parseInt(text);
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            "cron '%s': %s %d is out of range %d-%d".formatted(expression, name, value, min, max));
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "cron '%s': %s '%s' is not a number%s"
              .formatted(
                  expression,
                  name,
                  text,
                  names.isEmpty() ? "" : " or a name (" + String.join(", ", names) + ")"),
          e);
    }
  }

  /**
   * Equal when written alike; two spellings of one schedule ({@code 0 9 * * 1}, {@code mon})
   * differ.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Cron cron && cron.expression.equals(expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  @Override
  public String toString() {
    return expression;
  }
}
