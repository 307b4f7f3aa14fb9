package trailmap.profiles;

import java.util.Optional;

/**
 * A page of a timeline.
 *
 * @param limit 1..{@value #MAX_LIMIT} events
 * @param cursor the {@code next} of the previous page; empty for the first page
 * @param channel only events of this channel
 * @param type only events of this Segment type ({@code track}, {@code page}, …)
 */
public record TimelineQuery(
    int limit, Optional<String> cursor, Optional<String> channel, Optional<String> type) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  public TimelineQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
  }

  /** The first page of 50, unfiltered. */
  public static TimelineQuery firstPage() {
    return new TimelineQuery(DEFAULT_LIMIT, Optional.empty(), Optional.empty(), Optional.empty());
  }
}
