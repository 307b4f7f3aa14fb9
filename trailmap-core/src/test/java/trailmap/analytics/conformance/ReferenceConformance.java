package trailmap.analytics.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import trailmap.analytics.LoggedEvent;
import trailmap.analytics.matching.ReferenceMatching;
import trailmap.maps.EventType;
import trailmap.maps.JourneyMap;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * Conformance written from its definition: the profile's sequence of (stage, touchpoint) positions
 * and off-map events, checked pair by pair, with the stages reached so far as a set.
 */
final class ReferenceConformance {
  private ReferenceConformance() {}

  static ConformanceFound of(
      List<List<LoggedEvent>> journeys, JourneyMap map, ConformanceRules rules) {
    long profiles = 0;
    long conforming = 0;
    Map<Deviation, Long> counts = new HashMap<>();
    Map<String, Long> kinds = new HashMap<>();
    for (List<LoggedEvent> journey : journeys) {
      Set<Deviation> found = new HashSet<>();
      Set<Integer> reached = new HashSet<>();
      int[] previous = null;
      boolean stepped = false;
      for (LoggedEvent event : journey) {
        if (event.micros() < rules.fromMicros() || event.micros() >= rules.toMicros()) {
          continue;
        }
        int[] position = position(map, event);
        if (position == null) {
          boolean describesCustomer =
              event.type() == EventType.IDENTIFY
                  || event.type() == EventType.GROUP
                  || event.type() == EventType.ALIAS;
          if (describesCustomer || rules.ignoredEvents().contains(event.name())) {
            continue;
          }
          stepped = true;
          String name =
              event.name().isEmpty() ? "(unnamed " + event.type().wireName() + ")" : event.name();
          found.add(new Deviation.NotOnMap(name));
          continue;
        }
        stepped = true;
        if (previous != null) {
          String from = stage(map, previous[0]);
          String to = stage(map, position[0]);
          if (position[0] < previous[0]) {
            found.add(new Deviation.BackwardMove(from, to));
          }
          List<String> skipped = new ArrayList<>();
          for (int s = previous[0] + 1; s < position[0]; s++) {
            if (!reached.contains(s)) {
              skipped.add(stage(map, s));
            }
          }
          if (!skipped.isEmpty()) {
            found.add(new Deviation.SkippedStage(from, to, skipped));
          }
          if (rules.touchpointOrder() && position[0] == previous[0] && position[1] < previous[1]) {
            List<Touchpoint> tps = map.stages().get(position[0]).touchpoints();
            found.add(
                new Deviation.BackwardTouchpoint(
                    to, tps.get(previous[1]).id(), tps.get(position[1]).id()));
          }
        }
        reached.add(position[0]);
        previous = position;
      }
      if (!stepped) {
        continue;
      }
      profiles++;
      conforming += found.isEmpty() ? 1 : 0;
      found.forEach(d -> counts.merge(d, 1L, Long::sum));
      found.stream().map(Deviation::kind).distinct().forEach(k -> kinds.merge(k, 1L, Long::sum));
    }
    return new ConformanceFound(
        profiles,
        conforming,
        counts.entrySet().stream().map(e -> new DeviationCount(e.getKey(), e.getValue())).toList(),
        kinds);
  }

  /** The stage and touchpoint index of the first touchpoint the event matches, or null. */
  private static int[] position(JourneyMap map, LoggedEvent event) {
    for (int s = 0; s < map.stages().size(); s++) {
      Stage stage = map.stages().get(s);
      for (int t = 0; t < stage.touchpoints().size(); t++) {
        if (stage
            .touchpoints()
            .get(t)
            .matcher()
            .map(m -> ReferenceMatching.matches(m, event))
            .orElse(false)) {
          return new int[] {s, t};
        }
      }
    }
    return null;
  }

  private static String stage(JourneyMap map, int index) {
    return map.stages().get(index).id();
  }
}
