package trailmap.analytics.funnel;

import java.util.List;
import trailmap.analytics.Conditions;
import trailmap.analytics.Dictionary;
import trailmap.analytics.EventTable;
import trailmap.maps.PropertyCondition;

/**
 * Matches events by name (the track event or page/screen name, compared exactly) and, optionally,
 * property conditions that must all hold ({@link Conditions} rules).
 *
 * @param event the event name; not blank
 * @param where property conditions; empty for none
 */
public record EventMatcher(String event, List<PropertyCondition> where) implements StepMatcher {

  public EventMatcher {
    if (event == null || event.isBlank()) {
      throw new IllegalArgumentException("an event step needs an event name, was blank");
    }
    where = List.copyOf(where);
  }

  /** Matches events named {@code event}, with no property conditions. */
  public static EventMatcher named(String event) {
    return new EventMatcher(event, List.of());
  }

  @Override
  public boolean matches(EventTable table, int event) {
    return table.names().text(table.name(event)).equals(this.event)
        && Conditions.all(where, table.properties(event));
  }

  @Override
  public StepMatcher boundTo(EventTable table) {
    int id = table.names().lookup(event);
    if (id == Dictionary.ABSENT) {
      return (t, e) -> false;
    }
    if (where.isEmpty()) {
      return (t, e) -> t.name(e) == id;
    }
    return (t, e) -> t.name(e) == id && Conditions.all(where, t.properties(e));
  }
}
