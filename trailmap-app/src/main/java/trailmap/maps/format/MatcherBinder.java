package trailmap.maps.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import trailmap.maps.EventType;
import trailmap.maps.Matcher;
import trailmap.maps.Operator;
import trailmap.maps.PropertyCondition;
import trailmap.maps.Scalar;

/**
 * Binds a touchpoint's {@code match}: event, type, channel and {@code where} property conditions
 * ({@code plan: pro} means equals; {@code amount: {gt: 100}}; {@code plan: {in: [a, b]}}; {@code
 * coupon: {exists: true}}).
 */
final class MatcherBinder {
  static final List<String> MATCH_FIELDS = List.of("event", "type", "channel", "where");
  private static final List<String> OPERATORS =
      Arrays.stream(Operator.values()).map(Operator::wireName).toList();

  private MatcherBinder() {}

  /**
   * @param stored true for a document the map store kept: an empty or blank event name or channel,
   *     which the reader accepted before it refused them, is then read as it was (see {@link
   *     MapReader#readStored})
   */
  static Optional<Matcher> bind(Node node, String context, Problems problems, boolean stored) {
    String where = "match of " + context;
    Optional<Fields> maybe = Fields.of(node, where, problems, MATCH_FIELDS);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    Fields f = maybe.get();
    Optional<String> event = f.text("event");
    // Analytics would take "" for the events that have no name while flows and segments match
    // none: a nameless matcher means different things in different places, so none is read.
    boolean eventOk =
        named(
            f,
            "event",
            event,
            stored,
            problems,
            was ->
                ("'event' in %s must name an event, was %s; write the event name this touchpoint"
                        + " stands for (e.g. event: Pricing Viewed), or leave 'event' out to match"
                        + " on type, channel or where alone")
                    .formatted(where, was));
    Optional<EventType> type = f.enumValue("type", EventType.class, EventType::wireName);
    Optional<String> channel = f.text("channel");
    // A blank channel matches only events whose context.channel was sent blank: never what the
    // author meant, and the touchpoint would silently count next to nothing.
    boolean channelOk =
        named(
            f,
            "channel",
            channel,
            stored,
            problems,
            was ->
                ("'channel' in %s must name a channel, was %s; write the channel of the events this"
                        + " touchpoint stands for, as their context.channel says (e.g. channel:"
                        + " web), or leave 'channel' out to match events on every channel")
                    .formatted(where, was));
    List<PropertyCondition> conditions = new ArrayList<>();
    boolean conditionsOk = true;
    Optional<Node> whereNode = f.value("where");
    if (whereNode.isPresent()) {
      if (whereNode.get() instanceof Node.Obj obj) {
        for (Node.Field field : obj.fields().values()) {
          Optional<PropertyCondition> condition = condition(field, where, problems);
          condition.ifPresent(conditions::add);
          conditionsOk &= condition.isPresent();
        }
      } else {
        problems.add(
            whereNode.get(),
            "'where' in %s must map property names to values or operators, was %s"
                .formatted(where, whereNode.get().kind()));
        conditionsOk = false;
      }
    }
    if (event.isEmpty() && !f.has("type") && channel.isEmpty() && whereNode.isEmpty()) {
      problems.add(
          node, where + " needs at least one of event, type, channel or where to select events");
      return Optional.empty();
    }
    if (!eventOk || !channelOk || !conditionsOk || (f.has("type") && type.isEmpty())) {
      return Optional.empty();
    }
    return Construct.of(problems, node, () -> new Matcher(event, type, channel, conditions));
  }

  /**
   * Reports an empty or blank {@code text} of the field {@code name}, with the message {@code
   * problem} makes of "empty" or "only spaces"; a stored document keeps what it was saved with.
   *
   * @return false when a problem was reported
   */
  private static boolean named(
      Fields f,
      String name,
      Optional<String> text,
      boolean stored,
      Problems problems,
      Function<String, String> problem) {
    if (text.isEmpty() || !text.get().isBlank() || stored) {
      return true;
    }
    problems.add(
        f.value(name).orElseThrow(), problem.apply(text.get().isEmpty() ? "empty" : "only spaces"));
    return false;
  }

  static Optional<PropertyCondition> condition(Node.Field field, String where, Problems problems) {
    String property = field.name();
    Node value = field.value();
    if (value instanceof Node.Scalar scalar) {
      return scalar(scalar, property, problems)
          .map(s -> new PropertyCondition(property, Operator.EQ, List.of(s)));
    }
    if (value instanceof Node.Arr) {
      problems.add(
          value,
          "condition on '%s' in %s is a list; write {in: [...]} to match any of several values"
              .formatted(property, where));
      return Optional.empty();
    }
    Node.Obj obj = (Node.Obj) value;
    if (obj.fields().size() != 1) {
      problems.add(
          value,
          "condition on '%s' in %s must have exactly one operator (one of %s), has %d"
              .formatted(property, where, String.join(", ", OPERATORS), obj.fields().size()));
      return Optional.empty();
    }
    Node.Field op = obj.fields().values().iterator().next();
    Optional<Operator> operator = Operator.fromWireName(op.name());
    if (operator.isEmpty()) {
      problems.add(
          op,
          "unknown operator '%s' on '%s'%s (use one of %s)"
              .formatted(
                  op.name(),
                  property,
                  Suggestions.hint(op.name(), OPERATORS),
                  String.join(", ", OPERATORS)));
      return Optional.empty();
    }
    return switch (operator.get()) {
      case EXISTS -> {
        if (op.value() instanceof Node.Scalar s && Boolean.TRUE.equals(s.value())) {
          yield Optional.of(new PropertyCondition(property, Operator.EXISTS, List.of()));
        }
        problems.add(op.value(), "'exists' on '" + property + "' takes the value true");
        yield Optional.empty();
      }
      case IN -> {
        if (!(op.value() instanceof Node.Arr arr) || arr.items().isEmpty()) {
          problems.add(op.value(), "'in' on '" + property + "' takes a non-empty list of values");
          yield Optional.empty();
        }
        List<Scalar> operands = new ArrayList<>();
        boolean ok = true;
        for (Node item : arr.items()) {
          Optional<Scalar> s =
              item instanceof Node.Scalar sc ? scalar(sc, property, problems) : Optional.empty();
          if (!(item instanceof Node.Scalar)) {
            problems.add(
                item, "values of 'in' on '" + property + "' must be texts, numbers or booleans");
          }
          s.ifPresent(operands::add);
          ok &= s.isPresent();
        }
        yield ok
            ? Optional.of(new PropertyCondition(property, Operator.IN, operands))
            : Optional.empty();
      }
      default -> {
        if (!(op.value() instanceof Node.Scalar sc)) {
          problems.add(
              op.value(),
              "'%s' on '%s' takes one text, number or boolean, was %s"
                  .formatted(op.name(), property, op.value().kind()));
          yield Optional.empty();
        }
        yield scalar(sc, property, problems)
            .map(s -> new PropertyCondition(property, operator.get(), List.of(s)));
      }
    };
  }

  private static Optional<Scalar> scalar(Node.Scalar node, String property, Problems problems) {
    Object value = node.value();
    if (value == null) {
      problems.add(
          node,
          "condition on '"
              + property
              + "' has no value; use {exists: true} to require the property");
      return Optional.empty();
    }
    if (value instanceof String text) {
      return Optional.of(new Scalar.Text(text));
    }
    if (value instanceof Boolean bool) {
      return Optional.of(new Scalar.Bool(bool));
    }
    return Optional.of(new Scalar.Number(((Number) value).doubleValue()));
  }
}
