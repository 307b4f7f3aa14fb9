package trailmap.analytics;

/**
 * Which events of a table an analysis counts: a time range, one side of a comparison, or both.
 * Implementations must be pure (the same answer for the same table, profile and event).
 */
@FunctionalInterface
public interface EventFilter {
  /** Every event. */
  EventFilter ALL = (table, profile, event) -> true;

  /** Whether event {@code event} of profile {@code profile} is counted. */
  boolean test(EventTable table, int profile, int event);

  /** Events at or after {@code fromMicros} and before {@code toMicros}. */
  static EventFilter within(long fromMicros, long toMicros) {
    if (fromMicros == Long.MIN_VALUE && toMicros == Long.MAX_VALUE) {
      return ALL;
    }
    return (table, profile, event) -> {
      long micros = table.micros(event);
      return micros >= fromMicros && micros < toMicros;
    };
  }

  /** Events both filters count. */
  default EventFilter and(EventFilter other) {
    return (table, profile, event) ->
        test(table, profile, event) && other.test(table, profile, event);
  }
}
