package trailmap.analytics.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import trailmap.analytics.EventTable;
import trailmap.analytics.matching.TouchpointMatching;
import trailmap.analytics.matching.TouchpointRef;
import trailmap.maps.EventType;
import trailmap.maps.JourneyMap;

/**
 * Checks each profile's journey against a map's order.
 *
 * <pre>{@code
 * ConformanceFound found = Conformance.of(table, futureMap, ConformanceRules.DEFAULT);
 * found.share(); found.top(10);
 * }</pre>
 *
 * <p>The rules. A profile's steps are its events in the time range, in time order (ties in arrival
 * order). An event that matches a touchpoint is a step at the first such touchpoint in map order,
 * and so at that touchpoint's stage. An event that matches none is a step off the map — except
 * identify, group and alias calls and the rules' ignored event names, which describe the customer
 * rather than a move and are skipped. Comparing each step at a touchpoint with the previous one at
 * a touchpoint:
 *
 * <ul>
 *   <li>an earlier stage is a {@link Deviation.BackwardMove};
 *   <li>a later stage with stages in between that the profile had not reached before is a {@link
 *       Deviation.SkippedStage} naming them (so a journey may begin and end at any stage, but not
 *       jump over one);
 *   <li>the same stage at an earlier touchpoint is a {@link Deviation.BackwardTouchpoint}, when the
 *       rules check touchpoint order.
 * </ul>
 *
 * Every off-map step is a {@link Deviation.NotOnMap} named by its event name. A profile conforms
 * when it has no deviation; each distinct deviation counts once per profile. Profiles without steps
 * are not counted.
 */
public final class Conformance {
  private Conformance() {}

  public static ConformanceFound of(EventTable table, JourneyMap map, ConformanceRules rules) {
    TouchpointMatching matching = TouchpointMatching.of(map, table);
    List<String> stageIds = map.stages().stream().map(s -> s.id()).toList();
    Set<Integer> ignored = new HashSet<>();
    for (String name : rules.ignoredEvents()) {
      int id = table.names().lookup(name);
      if (id >= 0) {
        ignored.add(id);
      }
    }
    Map<Deviation, long[]> counts = new HashMap<>();
    Map<String, long[]> kinds = new HashMap<>();
    long profiles = 0;
    long conforming = 0;
    Set<Deviation> found = new HashSet<>();
    boolean[] reached = new boolean[stageIds.size()];
    for (int p = 0; p < table.profiles(); p++) {
      found.clear();
      java.util.Arrays.fill(reached, false);
      TouchpointRef previous = null;
      boolean stepped = false;
      for (int e = table.profileStart(p); e < table.profileEnd(p); e++) {
        long micros = table.micros(e);
        if (micros < rules.fromMicros() || micros >= rules.toMicros()) {
          continue;
        }
        int tp = matching.first(e);
        if (tp < 0) {
          if (notAStep(table, e, ignored)) {
            continue;
          }
          stepped = true;
          found.add(new Deviation.NotOnMap(eventName(table, e)));
          continue;
        }
        stepped = true;
        TouchpointRef current = matching.touchpoint(tp);
        if (previous != null) {
          compare(previous, current, reached, stageIds, rules, found);
        }
        reached[current.stageIndex()] = true;
        previous = current;
      }
      if (!stepped) {
        continue;
      }
      profiles++;
      if (found.isEmpty()) {
        conforming++;
      }
      Set<String> kindsSeen = new HashSet<>();
      for (Deviation deviation : found) {
        counts.computeIfAbsent(deviation, d -> new long[1])[0]++;
        if (kindsSeen.add(deviation.kind())) {
          kinds.computeIfAbsent(deviation.kind(), k -> new long[1])[0]++;
        }
      }
    }
    List<DeviationCount> deviations = new ArrayList<>();
    counts.forEach((d, n) -> deviations.add(new DeviationCount(d, n[0])));
    Map<String, Long> byKind = new HashMap<>();
    kinds.forEach((k, n) -> byKind.put(k, n[0]));
    return new ConformanceFound(profiles, conforming, deviations, byKind);
  }

  private static void compare(
      TouchpointRef previous,
      TouchpointRef current,
      boolean[] reached,
      List<String> stageIds,
      ConformanceRules rules,
      Set<Deviation> found) {
    int from = previous.stageIndex();
    int to = current.stageIndex();
    if (to < from) {
      found.add(new Deviation.BackwardMove(stageIds.get(from), stageIds.get(to)));
    } else if (to > from + 1) {
      List<String> skipped = new ArrayList<>();
      for (int s = from + 1; s < to; s++) {
        if (!reached[s]) {
          skipped.add(stageIds.get(s));
        }
      }
      if (!skipped.isEmpty()) {
        found.add(new Deviation.SkippedStage(stageIds.get(from), stageIds.get(to), skipped));
      }
    } else if (to == from
        && rules.touchpointOrder()
        && current.touchpointIndex() < previous.touchpointIndex()) {
      found.add(
          new Deviation.BackwardTouchpoint(
              stageIds.get(to), previous.touchpointId(), current.touchpointId()));
    }
  }

  /** Calls that describe the customer, not a move, and names the rules ignore. */
  private static boolean notAStep(EventTable table, int event, Set<Integer> ignored) {
    EventType type = table.type(event);
    return type == EventType.IDENTIFY
        || type == EventType.GROUP
        || type == EventType.ALIAS
        || ignored.contains(table.name(event));
  }

  private static String eventName(EventTable table, int event) {
    String name = table.names().text(table.name(event));
    return name.isEmpty() ? "(unnamed " + table.type(event).wireName() + ")" : name;
  }
}
