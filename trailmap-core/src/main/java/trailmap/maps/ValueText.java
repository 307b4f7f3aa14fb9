package trailmap.maps;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The text form of map values inside a diff: short, stable, and the same for equal values, so that
 * "changed" means the text changed. Numbers are written without a trailing {@code .0}.
 */
final class ValueText {
  private ValueText() {}

  /** {@code 25}, {@code 0.8}, {@code -3.5}; never exponent notation for ordinary values. */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  static Optional<String> number(Optional<Double> value) {
    return value.map(ValueText::number);
  }

  /** Empty text (the model's "absent") becomes an empty Optional. */
  static Optional<String> text(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /** {@code [Close the month in an hour, Less admin]}; empty for an empty list. */
  static Optional<String> list(List<String> values) {
    return values.isEmpty() ? Optional.empty() : Optional.of("[" + String.join(", ", values) + "]");
  }

  /** {@code 1 curious}, or {@code -2} without a label. */
  static String emotion(Emotion emotion) {
    return emotion.label().isEmpty()
        ? Integer.toString(emotion.score())
        : emotion.score() + " " + emotion.label();
  }

  /** {@code event 'Ad Clicked', type track, channel ads, where plan in ['pro', 'team']}. */
  static String matcher(Matcher matcher) {
    List<String> parts = new ArrayList<>();
    matcher.event().ifPresent(event -> parts.add("event '" + event + "'"));
    matcher.type().ifPresent(type -> parts.add("type " + type.wireName()));
    matcher.channel().ifPresent(channel -> parts.add("channel " + channel));
    if (!matcher.where().isEmpty()) {
      parts.add(
          "where "
              + matcher.where().stream()
                  .map(ValueText::condition)
                  .collect(Collectors.joining(" and ")));
    }
    return String.join(", ", parts);
  }

  private static String condition(PropertyCondition condition) {
    String head = condition.property() + " " + condition.operator().wireName();
    return switch (condition.operator()) {
      case EXISTS -> head;
      case IN ->
          head
              + " ["
              + condition.operands().stream()
                  .map(ValueText::scalar)
                  .collect(Collectors.joining(", "))
              + "]";
      default -> head + " " + scalar(condition.operands().getFirst());
    };
  }

  private static String scalar(Scalar scalar) {
    return switch (scalar) {
      case Scalar.Text text -> "'" + text.value() + "'";
      case Scalar.Number number -> number(number.value());
      case Scalar.Bool bool -> Boolean.toString(bool.value());
    };
  }

  /** {@code 'claim' (drop-off at trial to pricing, at least 0.3, at most 0.5)}. */
  static String hypothesis(Hypothesis hypothesis) {
    StringBuilder text = new StringBuilder();
    text.append('\'')
        .append(hypothesis.claim())
        .append("' (")
        .append(hypothesis.metric().wireName());
    hypothesis.touchpoint().ifPresent(t -> text.append(" at ").append(t));
    hypothesis.to().ifPresent(t -> text.append(" to ").append(t));
    hypothesis.atLeast().ifPresent(v -> text.append(", at least ").append(number(v)));
    hypothesis.atMost().ifPresent(v -> text.append(", at most ").append(number(v)));
    return text.append(')').toString();
  }
}
