package trailmap.flows;

import java.util.List;
import trailmap.maps.PropertyCondition;

/** What removes a profile from the flow at any step, the moment it happens. */
public sealed interface Exit {

  /** A matching event arrives. */
  record OnEvent(EventMatch match) implements Exit {
    public OnEvent {
      Names.require(match, "exit event");
    }
  }

  /** The profile's traits meet every condition (checked on every input). */
  record WhenTraits(List<PropertyCondition> traits) implements Exit {
    public WhenTraits {
      traits = Names.copy(traits);
      if (traits.isEmpty()) {
        throw new IllegalArgumentException("a trait exit needs at least one condition");
      }
    }
  }
}
