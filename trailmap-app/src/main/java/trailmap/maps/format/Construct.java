package trailmap.maps.format;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds a record after the binder has checked its parts. The records validate themselves too;
 * should one still refuse (a rule the binder does not know yet), its message becomes a problem at
 * the element instead of an exception.
 */
public final class Construct {
  private Construct() {}

  public static <T> Optional<T> of(Problems problems, Node at, Supplier<T> constructor) {
    try {
      return Optional.of(constructor.get());
    } catch (IllegalArgumentException e) {
      problems.add(at, e.getMessage());
      return Optional.empty();
    }
  }
}
