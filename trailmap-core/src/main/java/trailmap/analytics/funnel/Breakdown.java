package trailmap.analytics.funnel;

import java.util.Optional;
import trailmap.analytics.EventTable;
import trailmap.events.JsonValue;

/**
 * How the answer is split into series. Values are taken first touch: from the entry event of the
 * attempt a profile is counted by, or from the profile's current traits. Objects, lists, nulls and
 * blank strings have no value and fall into the {@link #NONE_VALUE} series.
 */
public sealed interface Breakdown {
  /** The series of profiles without a value. */
  String NONE_VALUE = "(none)";

  /** The series that collects the values beyond the series cap. */
  String OTHER_VALUE = "(other)";

  /** The breakdown value of a counted profile whose counted attempt started at {@code entry}. */
  Optional<String> value(EventTable table, int profile, int entry);

  /** No breakdown: the answer has no series. */
  record None() implements Breakdown {
    @Override
    public Optional<String> value(EventTable table, int profile, int entry) {
      return Optional.empty();
    }
  }

  /** The entry event's property (dots reach into objects). */
  record EventProperty(String property) implements Breakdown {
    public EventProperty {
      requireName(property);
    }

    @Override
    public Optional<String> value(EventTable table, int profile, int entry) {
      return table.properties(entry).at(property).flatMap(Breakdown::text);
    }
  }

  /** The profile's trait. */
  record ProfileTrait(String trait) implements Breakdown {
    public ProfileTrait {
      requireName(trait);
    }

    @Override
    public Optional<String> value(EventTable table, int profile, int entry) {
      return table.traits(profile).at(trait).flatMap(Breakdown::text);
    }
  }

  /** The entry event's property, or when the event lacks it the profile's trait of that name. */
  record PropertyOrTrait(String name) implements Breakdown {
    public PropertyOrTrait {
      requireName(name);
    }

    @Override
    public Optional<String> value(EventTable table, int profile, int entry) {
      Optional<String> own = table.properties(entry).at(name).flatMap(Breakdown::text);
      return own.isPresent() ? own : table.traits(profile).at(name).flatMap(Breakdown::text);
    }
  }

  private static Optional<String> text(JsonValue value) {
    return switch (value) {
      case JsonValue.Str s -> s.value().isBlank() ? Optional.empty() : Optional.of(s.value());
      case JsonValue.Num n ->
          Optional.of(
              n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15
                  ? Long.toString((long) n.value())
                  : Double.toString(n.value()));
      case JsonValue.Bool b -> Optional.of(Boolean.toString(b.value()));
      default -> Optional.empty();
    };
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a breakdown needs a property or trait name, was blank");
    }
  }
}
