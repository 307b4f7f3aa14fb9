package trailmap.analytics.discover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import trailmap.analytics.LoggedEvent;

/** Discovery written plainly over lists of logged events, to check {@link Discover} against. */
final class ReferenceDiscover {
  private ReferenceDiscover() {}

  static Discovery of(
      List<List<LoggedEvent>> journeys, Function<LoggedEvent, Optional<String>> label) {
    long profiles = 0;
    long events = 0;
    Map<String, Long> nodes = new HashMap<>();
    Map<String, Long> starts = new HashMap<>();
    Map<String, Long> ends = new HashMap<>();
    Map<List<String>, List<Long>> durations = new LinkedHashMap<>();
    Map<List<String>, Long> variants = new HashMap<>();
    for (List<LoggedEvent> journey : journeys) {
      List<String> steps = new ArrayList<>();
      List<long[]> times = new ArrayList<>(); // first and last micros of each step
      for (LoggedEvent event : journey) {
        Optional<String> node = label.apply(event);
        if (node.isEmpty()) {
          continue;
        }
        events++;
        if (!steps.isEmpty() && steps.getLast().equals(node.get())) {
          times.getLast()[1] = event.micros();
        } else {
          steps.add(node.get());
          times.add(new long[] {event.micros(), event.micros()});
        }
      }
      if (steps.isEmpty()) {
        continue;
      }
      profiles++;
      starts.merge(steps.getFirst(), 1L, Long::sum);
      ends.merge(steps.getLast(), 1L, Long::sum);
      variants.merge(steps, 1L, Long::sum);
      for (int i = 0; i < steps.size(); i++) {
        nodes.merge(steps.get(i), 1L, Long::sum);
        if (i > 0) {
          durations
              .computeIfAbsent(List.of(steps.get(i - 1), steps.get(i)), k -> new ArrayList<>())
              .add(times.get(i)[0] - times.get(i - 1)[1]);
        }
      }
    }
    List<FollowsEdge> edges = new ArrayList<>();
    durations.forEach(
        (pair, values) ->
            edges.add(
                new FollowsEdge(
                    pair.get(0),
                    pair.get(1),
                    values.size(),
                    Durations.of(values.stream().mapToLong(Long::longValue).toArray()))));
    return new Discovery(
        profiles,
        events,
        nodes,
        edges,
        starts,
        ends,
        variants.entrySet().stream().map(e -> new Variant(e.getKey(), e.getValue())).toList());
  }
}
