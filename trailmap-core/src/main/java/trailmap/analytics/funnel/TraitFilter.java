package trailmap.analytics.funnel;

import java.util.List;
import trailmap.analytics.Conditions;
import trailmap.analytics.EventTable;
import trailmap.maps.PropertyCondition;

/** Includes the profiles whose current traits satisfy every condition; none includes all. */
public record TraitFilter(List<PropertyCondition> where) implements ProfileMatcher {

  public TraitFilter {
    where = List.copyOf(where);
  }

  @Override
  public boolean matches(EventTable table, int profile) {
    return Conditions.all(where, table.traits(profile));
  }
}
