package trailmap.analytics.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import trailmap.analytics.funnel.ConversionWindow;

/**
 * Query values {@link QueryReader} does not read: decimal numbers and windows written as a number
 * and a unit ({@code 90s}, {@code 30m}, {@code 12h}, {@code 7d}, {@code 2w}).
 */
final class QueryValues {

  private QueryValues() {}

  static double number(JsonNode query, String field, double fallback, double min, double max) {
    JsonNode value = query == null ? null : query.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isNumber()) {
      throw InvalidQuery.at(
          field, "must be a number from %s to %s, was %s".formatted(min, max, value));
    }
    double number = value.doubleValue();
    if (number < min || number > max) {
      throw InvalidQuery.at(
          field,
          "must be between %s and %s, was %s; the default is %s"
              .formatted(min, max, number, fallback));
    }
    return number;
  }

  /** A window in microseconds, written as the funnel's window is ({@link ConversionWindow}). */
  static Optional<Long> window(QueryReader reader, String field) {
    return reader
        .text(field)
        .map(
            text -> {
              try {
                return ConversionWindow.parse(text).micros();
              } catch (IllegalArgumentException e) {
                throw InvalidQuery.at(field, e.getMessage());
              }
            });
  }
}
