package trailmap.segments;

import java.time.Duration;
import java.util.List;
import trailmap.flows.EventMatch;
import trailmap.maps.PropertyCondition;

/** What a profile must be, have done or have reached to be in a segment. */
public sealed interface Rule {

  /** Every condition holds on the profile's current traits ({@code Conditions} rules). */
  record Traits(List<PropertyCondition> where) implements Rule {
    public Traits {
      where = List.copyOf(where);
      if (where.isEmpty()) {
        throw new IllegalArgumentException("a trait rule needs at least one condition");
      }
    }
  }

  /**
   * The profile's latest event that matches a touchpoint of the map matched one in this stage.
   * Touchpoints are tried in map order; the first that matches an event places it.
   */
  record InStage(String mapId, String stageId) implements Rule {
    public InStage {
      requireText(mapId, "stage rule map");
      requireText(stageId, "stage rule stage");
    }
  }

  /** Some event of the profile (up to now) matched the touchpoint's matcher. */
  record ReachedTouchpoint(String mapId, String touchpointId) implements Rule {
    public ReachedTouchpoint {
      requireText(mapId, "touchpoint rule map");
      requireText(touchpointId, "touchpoint rule touchpoint");
    }
  }

  /**
   * The number of matching events in the last {@code within} compares with {@code count}. An event
   * at {@code t} counts at instants in {@code [t, t + within)}.
   *
   * @param count at least 1 for {@link Bound#AT_LEAST}, at least 0 for {@link Bound#AT_MOST}
   */
  record Did(EventMatch match, Bound bound, int count, Duration within) implements Rule {
    public Did {
      if (match == null || bound == null || within == null) {
        throw new IllegalArgumentException("a did rule needs an event, a bound and a window");
      }
      int least = bound == Bound.AT_LEAST ? 1 : 0;
      if (count < least) {
        throw new IllegalArgumentException(
            "'%s' for '%s' must be %d or more, was %d"
                .formatted(bound.wireName(), match.event(), least, count));
      }
      if (within.isNegative() || within.isZero()) {
        throw new IllegalArgumentException(
            "'within' for '" + match.event() + "' must be positive, was " + within);
      }
    }

    /** Whether {@code n} matching events in the window satisfy the bound. */
    public boolean accepts(int n) {
      return bound == Bound.AT_LEAST ? n >= count : n <= count;
    }
  }

  /** Every rule holds. */
  record All(List<Rule> rules) implements Rule {
    public All {
      rules = List.copyOf(rules);
      if (rules.isEmpty()) {
        throw new IllegalArgumentException("'all' needs at least one rule");
      }
    }
  }

  /** At least one rule holds. */
  record Any(List<Rule> rules) implements Rule {
    public Any {
      rules = List.copyOf(rules);
      if (rules.isEmpty()) {
        throw new IllegalArgumentException("'any' needs at least one rule");
      }
    }
  }

  /** The rule does not hold. */
  record Not(Rule rule) implements Rule {
    public Not {
      if (rule == null) {
        throw new IllegalArgumentException("'not' needs a rule");
      }
    }
  }

  /** How a {@link Did} count compares. */
  enum Bound {
    AT_LEAST("atLeast"),
    AT_MOST("atMost");

    private final String wireName;

    Bound(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }
}
