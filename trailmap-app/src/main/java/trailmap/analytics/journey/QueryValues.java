package trailmap.analytics.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Query values {@link QueryReader} does not read: decimal numbers and windows written as a number
 * and a unit ({@code 90s}, {@code 30m}, {@code 12h}, {@code 7d}, {@code 2w}).
 */
final class QueryValues {
  private static final Pattern WINDOW = Pattern.compile("(\\d{1,9})([smhdw])");

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

  /** A window in microseconds. */
  static Optional<Long> window(QueryReader reader, String field) {
    return reader
        .text(field)
        .map(
            text -> {
              Matcher m = WINDOW.matcher(text.strip());
              if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                throw InvalidQuery.at(
                    field,
                    "'"
                        + text
                        + "' is not a window; write a positive number and a unit: s, m, h, d"
                        + " or w, e.g. 7d");
              }
              long seconds =
                  switch (m.group(2)) {
                    case "s" -> 1;
                    case "m" -> 60;
                    case "h" -> 3_600;
                    case "d" -> 86_400;
                    default -> 604_800;
                  };
              return Long.parseLong(m.group(1)) * seconds * 1_000_000L;
            });
  }
}
