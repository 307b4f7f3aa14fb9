package trailmap.flows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The hours of the night, in the profile's own time zone, when no message is sent: from {@code
 * start} (inclusive) to {@code end} (exclusive). {@code start} after {@code end} spans midnight,
 * e.g. 21:00 to 08:00.
 */
public record QuietHours(LocalTime start, LocalTime end) {
  public QuietHours {
    Names.require(start, "quiet hours start");
    Names.require(end, "quiet hours end");
    if (start.equals(end)) {
      throw new IllegalArgumentException(
          "quiet hours start and end are both " + start + "; give a span, e.g. 21:00 to 08:00");
    }
  }

  /**
   * When a message due at {@code due} may go: empty when {@code due} is outside the quiet hours,
   * else the end of this night's quiet hours. On a day whose clock jumps over {@code end} (a DST
   * gap) the message goes at the first instant after the jump.
   */
  public Optional<Instant> deferral(Instant due, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(due, zone);
    LocalTime time = local.toLocalTime();
    boolean quiet =
        start.isBefore(end)
            ? !time.isBefore(start) && time.isBefore(end)
            : !time.isBefore(start) || time.isBefore(end);
    if (!quiet) {
      return Optional.empty();
    }
    LocalDate day = time.isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
    return Optional.of(ZonedDateTime.ofLocal(day.atTime(end), zone, null).toInstant());
  }
}
