package trailmap.analytics;

import java.util.List;
import java.util.Optional;
import trailmap.events.JsonValue;
import trailmap.maps.PropertyCondition;
import trailmap.maps.Scalar;

/**
 * Evaluates {@link PropertyCondition}s against an event's properties (or a profile's traits).
 *
 * <p>The rules, as product analytics tools apply them: {@code eq} compares like with like (text
 * with strings, numbers with numbers, booleans with booleans); {@code ne} holds when {@code eq}
 * does not, including when the property is absent; {@code gt}/{@code gte}/{@code lt}/{@code lte}
 * compare numbers numerically and strings lexicographically (so ISO dates order correctly) and are
 * false across types; {@code in} holds when any operand is {@code eq}; {@code contains} finds text
 * in a string or an element in a list; {@code exists} holds for any value but JSON null.
 */
public final class Conditions {
  private Conditions() {}

  /** Whether every condition holds; true for none. */
  public static boolean all(List<PropertyCondition> conditions, JsonValue.Obj values) {
    for (PropertyCondition condition : conditions) {
      if (!holds(condition, values)) {
        return false;
      }
    }
    return true;
  }

  /** Whether one condition holds for these values. */
  public static boolean holds(PropertyCondition condition, JsonValue.Obj values) {
    Optional<JsonValue> found = values.at(condition.property());
    JsonValue value = found.orElse(null);
    List<Scalar> operands = condition.operands();
    return switch (condition.operator()) {
      case EXISTS -> value != null && !(value instanceof JsonValue.Null);
      case EQ -> equal(value, operands.get(0));
      case NE -> !equal(value, operands.get(0));
      case IN -> operands.stream().anyMatch(operand -> equal(value, operand));
      case GT -> compare(value, operands.get(0)) > 0;
      case GTE -> compare(value, operands.get(0)) >= 0 && comparable(value, operands.get(0));
      case LT -> compare(value, operands.get(0)) < 0 && comparable(value, operands.get(0));
      case LTE -> compare(value, operands.get(0)) <= 0 && comparable(value, operands.get(0));
      case CONTAINS -> contains(value, operands.get(0));
    };
  }

  private static boolean equal(JsonValue value, Scalar operand) {
    return switch (operand) {
      case Scalar.Text text -> value instanceof JsonValue.Str s && s.value().equals(text.value());
      case Scalar.Number number ->
          value instanceof JsonValue.Num n && Double.compare(n.value(), number.value()) == 0;
      case Scalar.Bool bool -> value instanceof JsonValue.Bool b && b.value() == bool.value();
    };
  }

  private static boolean comparable(JsonValue value, Scalar operand) {
    return (value instanceof JsonValue.Num && operand instanceof Scalar.Number)
        || (value instanceof JsonValue.Str && operand instanceof Scalar.Text);
  }

  /** The order of value against operand; 0 when they cannot be compared (callers check). */
  private static int compare(JsonValue value, Scalar operand) {
    if (value instanceof JsonValue.Num n && operand instanceof Scalar.Number number) {
      return Double.compare(n.value(), number.value());
    }
    if (value instanceof JsonValue.Str s && operand instanceof Scalar.Text text) {
      return s.value().compareTo(text.value());
    }
    return 0;
  }

  private static boolean contains(JsonValue value, Scalar operand) {
    if (value instanceof JsonValue.Str s && operand instanceof Scalar.Text text) {
      return s.value().contains(text.value());
    }
    if (value instanceof JsonValue.Arr array) {
      return array.items().stream().anyMatch(item -> equal(item, operand));
    }
    return false;
  }
}
