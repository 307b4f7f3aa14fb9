package trailmap.analytics.matching;

import java.util.List;
import trailmap.analytics.Conditions;
import trailmap.analytics.Dictionary;
import trailmap.analytics.EventTable;
import trailmap.maps.Matcher;
import trailmap.maps.PropertyCondition;

/**
 * A {@link Matcher} with its event name and channel resolved to a table's dictionary ids: {@link
 * #ANY} when the criterion is not set, {@link Dictionary#ABSENT} when the table never saw the text
 * (so the matcher can match nothing), else the id.
 */
record CompiledMatcher(int name, int type, int channel, List<PropertyCondition> where) {
  static final int ANY = -2;

  static CompiledMatcher of(Matcher matcher, EventTable table) {
    return new CompiledMatcher(
        matcher.event().map(table.names()::lookup).orElse(ANY),
        matcher.type().map(Enum::ordinal).orElse(ANY),
        matcher.channel().map(table.channels()::lookup).orElse(ANY),
        matcher.where());
  }

  /** Whether nothing in the table can match (a name or channel it never saw). */
  boolean impossible() {
    return name == Dictionary.ABSENT || channel == Dictionary.ABSENT;
  }

  boolean matches(EventTable table, int event) {
    return (name == ANY || name == table.name(event))
        && (type == ANY || type == table.type(event).ordinal())
        && (channel == ANY || channel == table.channel(event))
        && Conditions.all(where, table.properties(event));
  }
}
