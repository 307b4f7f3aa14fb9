package trailmap.maps.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed access to the fields of one object in a map (or flow) file. Every wrong or missing value is
 * reported to {@link Problems} with its location and the object's name ({@code context}), and read
 * as absent, so binding goes on and finds the next problem too.
 */
public final class Fields {
  private final Node.Obj obj;
  private final String context;
  private final Problems problems;

  private Fields(Node.Obj obj, String context, Problems problems) {
    this.obj = obj;
    this.context = context;
    this.problems = problems;
  }

  /**
   * The object's fields, after reporting every key not in {@code allowed}; empty (after a problem)
   * when the node is not an object.
   */
  public static Optional<Fields> of(
      Node node, String context, Problems problems, List<String> allowed) {
    if (!(node instanceof Node.Obj obj)) {
      problems.add(node, context + " must be an object with fields, was " + node.kind());
      return Optional.empty();
    }
    for (Node.Field field : obj.fields().values()) {
      if (!allowed.contains(field.name())) {
        problems.add(
            field,
            "unknown field '%s' in %s%s"
                .formatted(field.name(), context, Suggestions.hint(field.name(), allowed)));
      }
    }
    return Optional.of(new Fields(obj, context, problems));
  }

  public Node.Obj node() {
    return obj;
  }

  public String context() {
    return context;
  }

  /** The field's value, absent when missing or written as null. */
  public Optional<Node> value(String name) {
    Node.Field field = obj.fields().get(name);
    if (field == null || (field.value() instanceof Node.Scalar scalar && scalar.value() == null)) {
      return Optional.empty();
    }
    return Optional.of(field.value());
  }

  public boolean has(String name) {
    return value(name).isPresent();
  }

  /** A text field; numbers and booleans are taken as their text (YAML reads `name: 2024` so). */
  public Optional<String> text(String name) {
    return value(name).flatMap(node -> asText(node, "'" + name + "'"));
  }

  /** A required text field; reports it at the object when missing or blank. */
  public Optional<String> requiredText(String name) {
    if (!has(name)) {
      problems.add(obj, context + " is missing required field '" + name + "'");
      return Optional.empty();
    }
    Optional<String> text = text(name);
    if (text.isPresent() && text.get().isBlank()) {
      problems.add(
          value(name).orElseThrow(), "'" + name + "' in " + context + " must not be empty");
      return Optional.empty();
    }
    return text;
  }

  /**
   * An enum field written by its wire name ({@code drop-off}, {@code high}); a value that is not
   * one is reported with the valid names and the closest one.
   */
  public <E extends Enum<E>> Optional<E> enumValue(
      String name, Class<E> type, Function<E, String> wireName) {
    return text(name).flatMap(text -> parseEnum(name, text, type, wireName));
  }

  /** As {@link #enumValue}, and reported at the object when missing. */
  public <E extends Enum<E>> Optional<E> requiredEnum(
      String name, Class<E> type, Function<E, String> wireName) {
    return requiredText(name).flatMap(text -> parseEnum(name, text, type, wireName));
  }

  private <E extends Enum<E>> Optional<E> parseEnum(
      String name, String text, Class<E> type, Function<E, String> wireName) {
    List<String> wireNames = Arrays.stream(type.getEnumConstants()).map(wireName).toList();
    int index = wireNames.indexOf(text);
    if (index >= 0) {
      return Optional.of(type.getEnumConstants()[index]);
    }
    problems.add(
        value(name).orElseThrow(),
        "'%s' must be one of %s, was '%s'%s"
            .formatted(
                name,
                String.join(", ", wireNames),
                text,
                Suggestions.hint(text.toLowerCase(Locale.ROOT), wireNames)));
    return Optional.empty();
  }

  /** A list of texts; a missing field is the empty list. */
  public List<String> texts(String name) {
    Optional<Node.Arr> list = list(name, "a list of texts");
    List<String> result = new ArrayList<>();
    list.ifPresent(
        arr ->
            arr.items()
                .forEach(
                    item -> asText(item, "each entry of '" + name + "'").ifPresent(result::add)));
    return result;
  }

  /** A list field; reports and returns empty when it is something else. */
  public Optional<Node.Arr> list(String name, String expected) {
    Optional<Node> node = value(name);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof Node.Arr arr) {
      return Optional.of(arr);
    }
    problems.add(
        node.get(),
        "'%s' in %s must be %s, was %s".formatted(name, context, expected, node.get().kind()));
    return Optional.empty();
  }

  public Optional<Double> number(String name) {
    Optional<Node> node = value(name);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof Node.Scalar scalar && scalar.value() instanceof Number number) {
      return Optional.of(number.doubleValue());
    }
    problems.add(
        node.get(),
        "'%s' in %s must be a number, was %s".formatted(name, context, describe(node.get())));
    return Optional.empty();
  }

  public Optional<Integer> integer(String name) {
    Optional<Node> node = value(name);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof Node.Scalar scalar
        && (scalar.value() instanceof Integer
            || scalar.value() instanceof Long
            || scalar.value() instanceof BigInteger)) {
      long value = ((Number) scalar.value()).longValue();
      if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
        return Optional.of((int) value);
      }
    }
    if (node.get() instanceof Node.Scalar scalar
        && scalar.value() instanceof Number number
        && !(number instanceof BigInteger)
        && number.doubleValue() == Math.rint(number.doubleValue())
        && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
      // YAML and JSON writers may put "1.0" for a whole number; it means 1.
      return Optional.of((int) number.doubleValue());
    }
    if (node.get() instanceof Node.Scalar scalar && scalar.value() instanceof BigDecimal decimal) {
      problems.add(
          node.get(),
          "'%s' in %s must be a whole number, was %s".formatted(name, context, decimal));
      return Optional.empty();
    }
    problems.add(
        node.get(),
        "'%s' in %s must be a whole number, was %s".formatted(name, context, describe(node.get())));
    return Optional.empty();
  }

  private Optional<String> asText(Node node, String what) {
    if (node instanceof Node.Scalar scalar && scalar.value() != null) {
      return Optional.of(String.valueOf(scalar.value()));
    }
    problems.add(node, "%s in %s must be a text, was %s".formatted(what, context, node.kind()));
    return Optional.empty();
  }

  /** "a text ('high')" — shows short scalar values so the user sees what was read. */
  public static String describe(Node node) {
    if (node instanceof Node.Scalar scalar && scalar.value() != null) {
      String shown = String.valueOf(scalar.value());
      if (shown.length() > 40) {
        shown = shown.substring(0, 40) + "…";
      }
      return node.kind() + " ('" + shown + "')";
    }
    return node.kind();
  }
}
