package trailmap.analytics.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the fields of one query object, failing with an {@link InvalidQuery} that names the field,
 * the value and what would be accepted. A missing or JSON-null field is absent.
 */
final class QueryReader {
  private final JsonNode query;

  private QueryReader(JsonNode query) {
    this.query = query;
  }

  /** A reader of {@code query}, which must be an object holding only {@code known} fields. */
  static QueryReader of(JsonNode query, String analysis, Set<String> known) {
    if (query == null || query.isNull() || query.isMissingNode()) {
      return new QueryReader(
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }
    if (!query.isObject()) {
      throw InvalidQuery.at(
          "query", "must be a JSON object such as {\"steps\": 5}, was " + query.getNodeType());
    }
    for (String field : (Iterable<String>) query::fieldNames) {
      if (!known.contains(field)) {
        List<String> close = Closest.to(field, known, 1);
        throw InvalidQuery.at(
            field,
            "unknown field for "
                + analysis
                + (close.isEmpty()
                        || trailmap.text.EditDistance.between(
                                field.toLowerCase(java.util.Locale.ROOT),
                                close.get(0).toLowerCase(java.util.Locale.ROOT))
                            > 3
                    ? ""
                    : " (did you mean '" + close.get(0) + "'?)")
                + "; the fields are "
                + String.join(", ", new TreeSet<>(known)));
      }
    }
    return new QueryReader(query);
  }

  boolean has(String field) {
    JsonNode value = query.get(field);
    return value != null && !value.isNull();
  }

  Optional<String> text(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonNode value = query.get(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw InvalidQuery.at(field, "must be a non-empty string, was " + value);
    }
    return Optional.of(value.asText());
  }

  int integer(String field, int fallback, int min, int max) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode value = query.get(field);
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw InvalidQuery.at(
          field, "must be a whole number from %d to %d, was %s".formatted(min, max, value));
    }
    int number = value.intValue();
    if (number < min || number > max) {
      throw InvalidQuery.at(
          field,
          "must be between %d and %d, was %d; the default is %d"
              .formatted(min, max, number, fallback));
    }
    return number;
  }

  boolean bool(String field, boolean fallback) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode value = query.get(field);
    if (!value.isBoolean()) {
      throw InvalidQuery.at(field, "must be true or false, was " + value);
    }
    return value.booleanValue();
  }

  List<String> texts(String field) {
    if (!has(field)) {
      return List.of();
    }
    JsonNode value = query.get(field);
    if (!value.isArray()) {
      throw InvalidQuery.at(
          field, "must be a list of strings such as [\"Heartbeat\"], was " + value);
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual()) {
        throw InvalidQuery.at(field + "[" + i + "]", "must be a string, was " + value.get(i));
      }
      texts.add(value.get(i).asText());
    }
    return texts;
  }

  Optional<Instant> instant(String field) {
    return text(field)
        .map(
            text -> {
              try {
                return Instant.parse(text);
              } catch (DateTimeParseException e) {
                throw InvalidQuery.at(
                    field,
                    "'" + text + "' is not an ISO 8601 instant such as 2026-01-01T00:00:00Z");
              }
            });
  }
}
