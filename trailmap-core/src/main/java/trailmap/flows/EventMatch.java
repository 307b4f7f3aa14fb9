package trailmap.flows;

import java.util.List;
import trailmap.analytics.Conditions;
import trailmap.maps.PropertyCondition;

/**
 * Which events a trigger, wait, goal or exit listens for: an event name and property conditions
 * that must all hold ({@link Conditions} rules).
 */
public record EventMatch(String event, List<PropertyCondition> where) {
  public EventMatch {
    Names.requireText(event, "event name");
    where = Names.copy(where);
  }

  public static EventMatch named(String event) {
    return new EventMatch(event, List.of());
  }

  public boolean matches(FlowEvent candidate) {
    return candidate.name().equals(event) && Conditions.all(where, candidate.properties());
  }
}
