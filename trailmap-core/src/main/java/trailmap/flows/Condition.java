package trailmap.flows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import trailmap.maps.PropertyCondition;

/** A yes/no question about a profile, asked by a split. */
public sealed interface Condition {

  /** Every trait condition holds. */
  record Traits(List<PropertyCondition> traits) implements Condition {
    public Traits {
      traits = Names.copy(traits);
      if (traits.isEmpty()) {
        throw new IllegalArgumentException("a trait condition needs at least one property test");
      }
    }
  }

  /**
   * The profile did a matching event at least {@code atLeast} times within {@code within} before
   * now, or since it entered the flow when {@code within} is empty.
   */
  record Did(EventMatch match, int atLeast, Optional<Duration> within) implements Condition {
    public Did {
      Names.require(match, "condition event");
      within = within == null ? Optional.empty() : within;
      if (atLeast < 1) {
        throw new IllegalArgumentException(
            "'atLeast' for '" + match.event() + "' must be 1 or more, was " + atLeast);
      }
      if (within.isPresent() && (within.get().isNegative() || within.get().isZero())) {
        throw new IllegalArgumentException(
            "'within' for '" + match.event() + "' must be positive, was " + within.get());
      }
    }
  }

  /** The inner condition does not hold. */
  record Not(Condition condition) implements Condition {
    public Not {
      Names.require(condition, "negated condition");
    }
  }
}
