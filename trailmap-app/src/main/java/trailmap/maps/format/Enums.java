package trailmap.maps.format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads an enum value written in lower case (or with dashes), suggesting the closest on a typo. */
final class Enums {
  private Enums() {}

  static <E extends Enum<E>> Optional<E> parse(
      Class<E> type,
      String text,
      Node at,
      String field,
      Problems problems,
      List<String> wireNames) {
    int index = wireNames.indexOf(text);
    if (index >= 0) {
      return Optional.of(type.getEnumConstants()[index]);
    }
    problems.add(
        at,
        "'%s' must be one of %s, was '%s'%s"
            .formatted(
                field,
                String.join(", ", wireNames),
                text,
                Suggestions.hint(text.toLowerCase(Locale.ROOT), wireNames)));
    return Optional.empty();
  }
}
