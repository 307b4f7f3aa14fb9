package trailmap.profiles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/**
 * Trait merging: last write wins by event time, ties to the later log position. The result does not
 * depend on the order observations are seen in, so merging two profiles' histories and replaying
 * out-of-order events give the same current traits.
 */
public final class Traits {
  private Traits() {}

  /**
   * The trait observations of an event: each top-level field of its traits, in their order. A
   * {@code group} call's traits describe the group, not the person, and give none.
   */
  public static List<TraitObservation> observedBy(Event event, long position) {
    if (event.type() == EventType.GROUP) {
      return List.of();
    }
    List<TraitObservation> out = new ArrayList<>();
    for (Map.Entry<String, JsonValue> field : event.traits().fields().entrySet()) {
      if (!field.getKey().isEmpty()) {
        out.add(
            new TraitObservation(
                field.getKey(), field.getValue(), event.timestamp(), position, event.messageId()));
      }
    }
    return List.copyOf(out);
  }

  /** The current value of each trait among {@code observations}, by trait name (sorted). */
  public static Map<String, TraitObservation> current(Collection<TraitObservation> observations) {
    TreeMap<String, TraitObservation> current = new TreeMap<>();
    for (TraitObservation o : observations) {
      current.merge(o.name(), o, (held, incoming) -> incoming.supersedes(held) ? incoming : held);
    }
    return java.util.Collections.unmodifiableMap(current);
  }
}
