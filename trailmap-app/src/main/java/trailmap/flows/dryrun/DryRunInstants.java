package trailmap.flows.dryrun;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads a dry run's {@code from} or {@code to} for the HTTP API and the CLI alike: an ISO 8601
 * instant between the years 1970 and 9999. Further out, stored times (milliseconds in flows.db and
 * segments.db) cannot express it, and the replay would fail with an overflow instead of an answer.
 */
public final class DryRunInstants {
  static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private DryRunInstants() {}

  /**
   * @throws IllegalArgumentException saying what is wrong, for the caller to put after the option's
   *     name and the text given
   */
  public static Instant parse(String text) {
    Instant instant;
    try {
      instant = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("is not an ISO 8601 instant such as 2026-03-01T00:00:00Z");
    }
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new IllegalArgumentException(
          "is outside the years a dry run replays (1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z)");
    }
    return instant;
  }
}
