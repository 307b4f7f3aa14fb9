package trailmap.maps;

import java.util.List;

/**
 * One condition on an event property, e.g. {@code plan eq "pro"} or {@code amount gt 100}.
 *
 * @param property a property name; dots reach into nested objects ({@code product.sku})
 * @param operands none for {@code exists}, several for {@code in}, one otherwise
 */
public record PropertyCondition(String property, Operator operator, List<Scalar> operands) {

  public PropertyCondition {
    Ids.requireText(property, "condition property");
    if (operator == null) {
      throw new IllegalArgumentException("condition on '" + property + "' needs an operator");
    }
    operands = Ids.copy(operands);
    int expected = operator.arity();
    if (expected >= 0 && operands.size() != expected) {
      throw new IllegalArgumentException(
          "operator '%s' on '%s' takes %d value(s), got %d"
              .formatted(operator.wireName(), property, expected, operands.size()));
    }
    if (operator == Operator.IN && operands.isEmpty()) {
      throw new IllegalArgumentException("operator 'in' on '" + property + "' needs a value list");
    }
  }
}
