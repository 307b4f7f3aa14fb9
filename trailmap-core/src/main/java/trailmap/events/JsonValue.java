package trailmap.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON value held by an event (properties, traits, context). Immutable; objects keep their key
 * order. Parsing and printing live in the app; the core only reads values.
 */
public sealed interface JsonValue {

  /** JSON null. */
  record Null() implements JsonValue {}

  record Bool(boolean value) implements JsonValue {}

  /**
   * Numbers are held as doubles: event payloads are measurements, not money ledgers. Finite only
   * (JSON has no NaN or infinity); -0 is held as 0 so equal JSON texts give equal values.
   */
  record Num(double value) implements JsonValue {
    public Num {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("a JSON number must be finite, was " + value);
      }
      value = value == 0.0 ? 0.0 : value;
    }
  }

  record Str(String value) implements JsonValue {
    public Str {
      if (value == null) {
        throw new IllegalArgumentException("a JSON string must not be null");
      }
    }
  }

  record Arr(List<JsonValue> items) implements JsonValue {
    public Arr {
      items = List.copyOf(items);
    }
  }

  record Obj(Map<String, JsonValue> fields) implements JsonValue {
    public static final Obj EMPTY = new Obj(Map.of());

    public Obj {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The field, if present. */
    public Optional<JsonValue> get(String name) {
      return Optional.ofNullable(fields.get(name));
    }

    /**
     * The value at a dotted path ({@code product.sku}); empty when any step is missing or not an
     * object.
     */
    public Optional<JsonValue> at(String dottedPath) {
      JsonValue current = this;
      for (String step : dottedPath.split("\\.", -1)) {
        if (!(current instanceof Obj obj) || !obj.fields.containsKey(step)) {
          return Optional.empty();
        }
        current = obj.fields.get(step);
      }
      return Optional.of(current);
    }

    /** The field as text when it is a non-blank string (or a number, written plainly). */
    public Optional<String> text(String name) {
      return get(name).flatMap(JsonValue::asText);
    }
  }

  /** Strings as they are, numbers without a trailing ".0", booleans as words; else empty. */
  static Optional<String> asText(JsonValue value) {
    return switch (value) {
      case Str s -> s.value().isBlank() ? Optional.empty() : Optional.of(s.value());
      case Num n ->
          Optional.of(
              n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15
                  ? Long.toString((long) n.value())
                  : Double.toString(n.value()));
      case Bool b -> Optional.of(Boolean.toString(b.value()));
      default -> Optional.empty();
    };
  }
}
