package trailmap.analytics.friction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;
import trailmap.analytics.discover.Durations;
import trailmap.analytics.matching.Labelling;
import trailmap.analytics.matching.MergedSteps;
import trailmap.maps.JourneyMap;

/**
 * Long waits: the gaps between consecutive steps of every journey (touchpoints, consecutive repeats
 * merged, as discovery counts them), per transition. A transition with at least minimumN gaps whose
 * p90 is above waitRatio times the median gap of all transitions (at the threshold exactly its
 * intensity would be 0: nothing beyond it), and with at least one gap above that threshold (its
 * long ones), is a long wait.
 */
final class LongWaitsFinder {
  private LongWaitsFinder() {}

  static List<FrictionItem> find(
      EventTable table, JourneyMap map, FrictionRules rules, EventFilter range) {
    Labelling labelling = Labelling.touchpoints(map, table);
    MergedSteps steps = new MergedSteps(table, labelling);
    Map<Long, long[]> gaps = new LinkedHashMap<>();
    Map<Long, Integer> sizes = new LinkedHashMap<>();
    long[] all = new long[16];
    int total = 0;
    for (int p = 0; p < table.profiles(); p++) {
      int n = steps.load(p);
      for (int s = 1; s < n; s++) {
        int last = steps.lastEvent(s - 1);
        int next = steps.firstEvent(s);
        if (!range.test(table, p, last)) {
          continue;
        }
        long gap = table.micros(next) - table.micros(last);
        long key = ((long) steps.node(s - 1) << 32) | steps.node(s);
        long[] list = gaps.computeIfAbsent(key, k -> new long[8]);
        int size = sizes.getOrDefault(key, 0);
        if (size == list.length) {
          list = Arrays.copyOf(list, size * 2);
          gaps.put(key, list);
        }
        list[size] = gap;
        sizes.put(key, size + 1);
        if (total == all.length) {
          all = Arrays.copyOf(all, total * 2);
        }
        all[total++] = gap;
      }
    }
    double overall = Durations.of(all, total).medianSeconds();
    List<FrictionItem> items = new ArrayList<>();
    if (overall <= 0) {
      return items;
    }
    double threshold = rules.waitRatio() * overall;
    gaps.forEach(
        (key, list) -> {
          int size = sizes.get(key);
          Durations durations = Durations.of(list, size);
          double p90 = durations.p90Seconds();
          if (size < rules.minimumN() || p90 <= threshold) {
            return;
          }
          long longOnes = 0;
          for (int i = 0; i < size; i++) {
            longOnes += list[i] / 1e6 > threshold ? 1 : 0;
          }
          if (longOnes == 0) {
            // Every gap at or below the threshold: nobody waited long.
            return;
          }
          String from = labelling.name((int) (key >>> 32));
          String to = labelling.name((int) (key & 0xffffffffL));
          double intensity = 1 - threshold / p90;
          items.add(
              new FrictionItem(
                  Optional.of(from),
                  Optional.of(to),
                  Optional.empty(),
                  longOnes * intensity,
                  longOnes,
                  intensity,
                  new Evidence.LongWait(size, longOnes, durations.medianSeconds(), p90, overall),
                  Friction.painPoints(map, from)));
        });
    return items;
  }
}
