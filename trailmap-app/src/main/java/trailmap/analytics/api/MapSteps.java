package trailmap.analytics.api;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import trailmap.analytics.EventTable;
import trailmap.analytics.funnel.StepMatcher;
import trailmap.analytics.funnel.StepResolver;
import trailmap.analytics.matching.TouchpointMatching;
import trailmap.analytics.matching.TouchpointRef;
import trailmap.maps.JourneyMap;

/**
 * Resolves {@code touchpoint:ID} and {@code stage:ID} funnel steps against one map and one table:
 * each reference is matched over the whole table once, into a bit per event, so the funnel engine's
 * inner loop only reads a bit. The matchers it hands out answer for this table's event indexes
 * only. Not thread-safe.
 */
public final class MapSteps implements StepResolver {
  private final EventTable table;
  private final JourneyMap map;
  private TouchpointMatching matching;
  private final Map<String, Optional<StepMatcher>> resolved = new HashMap<>();

  public MapSteps(JourneyMap map, EventTable table) {
    this.map = map;
    this.table = table;
  }

  @Override
  public Optional<StepMatcher> resolve(String reference) {
    return resolved.computeIfAbsent(reference, this::compute);
  }

  private Optional<StepMatcher> compute(String reference) {
    int colon = reference.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String kind = reference.substring(0, colon);
    String id = reference.substring(colon + 1);
    if (!kind.equals("touchpoint") && !kind.equals("stage")) {
      return Optional.empty();
    }
    if (matching == null) {
      matching = TouchpointMatching.of(map, table);
    }
    BitSet wanted = new BitSet(matching.touchpoints());
    for (int tp = 0; tp < matching.touchpoints(); tp++) {
      TouchpointRef ref = matching.touchpoint(tp);
      if (id.equals(kind.equals("touchpoint") ? ref.touchpointId() : ref.stageId())) {
        wanted.set(tp);
      }
    }
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    BitSet events = new BitSet(table.events());
    for (int e = 0; e < table.events(); e++) {
      for (int tp : matching.matches(e)) {
        if (wanted.get(tp)) {
          events.set(e);
          break;
        }
      }
    }
    return Optional.of((t, e) -> events.get(e));
  }
}
