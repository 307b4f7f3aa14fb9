package trailmap.analytics.funnel;

import java.util.List;
import java.util.Set;
import trailmap.analytics.Conditions;
import trailmap.analytics.Dictionary;
import trailmap.analytics.EventTable;
import trailmap.maps.PropertyCondition;

/**
 * The query's filter on events: an event takes part when its channel is one of {@code channels},
 * its source one of {@code sources} (an empty set accepts any) and every property condition holds.
 * Events that fail the filter are invisible to the funnel, also for {@link FunnelOrder#STRICT}.
 */
public record EventFilter(Set<String> channels, Set<String> sources, List<PropertyCondition> where)
    implements StepMatcher {

  /** The filter that accepts every event. */
  public static final EventFilter ANY = new EventFilter(Set.of(), Set.of(), List.of());

  public EventFilter {
    channels = Set.copyOf(channels);
    sources = Set.copyOf(sources);
    where = List.copyOf(where);
  }

  @Override
  public boolean matches(EventTable table, int event) {
    return (channels.isEmpty() || channels.contains(table.channels().text(table.channel(event))))
        && (sources.isEmpty() || sources.contains(table.sources().text(table.source(event))))
        && Conditions.all(where, table.properties(event));
  }

  @Override
  public StepMatcher boundTo(EventTable table) {
    boolean[] channelOk = accepted(channels, table.channels());
    boolean[] sourceOk = accepted(sources, table.sources());
    return (t, e) ->
        (channelOk == null || channelOk[t.channel(e)])
            && (sourceOk == null || sourceOk[t.source(e)])
            && Conditions.all(where, t.properties(e));
  }

  /** Per dictionary id whether it is accepted; null when the set accepts any. */
  private static boolean[] accepted(Set<String> texts, Dictionary dictionary) {
    if (texts.isEmpty()) {
      return null;
    }
    boolean[] ok = new boolean[dictionary.size()];
    for (String text : texts) {
      int id = dictionary.lookup(text);
      if (id != Dictionary.ABSENT) {
        ok[id] = true;
      }
    }
    return ok;
  }
}
