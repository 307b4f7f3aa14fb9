package trailmap.analytics.compare;

import java.util.Optional;
import trailmap.analytics.EventFilter;
import trailmap.events.JsonValue;

/** How the two groups of a comparison are told apart. */
public sealed interface Groups {
  /** The events that count for group a ({@code side} 0) or b ({@code side} 1). */
  EventFilter side(int side);

  /** Label of a side, for answers. */
  String label(int side);

  /**
   * Two time ranges, each {@code [from, to)} in microseconds; they may overlap (a profile may then
   * count in both).
   */
  record Periods(long aFrom, long aTo, long bFrom, long bTo) implements Groups {
    public Periods {
      if (aFrom >= aTo || bFrom >= bTo) {
        throw new IllegalArgumentException(
            "each period must end after it starts, was a [%d, %d) and b [%d, %d) µs"
                .formatted(aFrom, aTo, bFrom, bTo));
      }
    }

    public EventFilter side(int side) {
      return side == 0 ? EventFilter.within(aFrom, aTo) : EventFilter.within(bFrom, bTo);
    }

    public String label(int side) {
      return side == 0 ? "a" : "b";
    }
  }

  /**
   * Two values of a profile trait ({@code trait} true: the profile's current traits) or of a
   * property of the counted event itself (the survey answer, or the first step), compared as text.
   */
  record ByValue(String property, boolean trait, String a, String b) implements Groups {
    public ByValue {
      if (property == null || property.isBlank() || a == null || b == null) {
        throw new IllegalArgumentException("a split needs a property and two values");
      }
      if (a.equals(b)) {
        throw new IllegalArgumentException(
            "the two groups must differ; both are %s = '%s'".formatted(property, a));
      }
    }

    public EventFilter side(int side) {
      String value = side == 0 ? a : b;
      return (table, profile, event) -> {
        JsonValue.Obj source = trait ? table.traits(profile) : table.properties(event);
        Optional<String> text = source.at(property).flatMap(JsonValue::asText);
        return text.map(value::equals).orElse(false);
      };
    }

    public String label(int side) {
      return property + " = " + (side == 0 ? a : b);
    }
  }
}
