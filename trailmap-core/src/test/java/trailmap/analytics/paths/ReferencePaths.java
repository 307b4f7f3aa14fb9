package trailmap.analytics.paths;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import trailmap.analytics.LoggedEvent;

/** Paths written plainly over lists of node names, to check {@link Paths} against. */
final class ReferencePaths {
  private ReferencePaths() {}

  static PathsFound of(
      List<List<LoggedEvent>> journeys,
      Function<LoggedEvent, Optional<String>> label,
      PathQuery query) {
    long profiles = 0;
    Map<List<String>, Long> paths = new HashMap<>();
    Map<List<Object>, Long> edges = new HashMap<>();
    Map<String, Long> loops = new HashMap<>();
    Map<List<String>, Long> bounces = new HashMap<>();
    for (List<LoggedEvent> journey : journeys) {
      List<String> steps = new ArrayList<>();
      for (LoggedEvent event : journey) {
        label
            .apply(event)
            .filter(node -> steps.isEmpty() || !steps.getLast().equals(node))
            .ifPresent(steps::add);
      }
      if (steps.isEmpty()) {
        continue;
      }
      profiles++;
      Optional<List<String>> path = path(steps, query);
      if (path.isEmpty()) {
        continue;
      }
      List<String> p = path.get();
      paths.merge(p, 1L, Long::sum);
      for (int i = 1; i < p.size(); i++) {
        edges.merge(List.of(i - 1, p.get(i - 1), p.get(i)), 1L, Long::sum);
      }
      Set<String> looped = new HashSet<>();
      for (int i = 0; i < p.size(); i++) {
        if (p.subList(i + 1, p.size()).contains(p.get(i))) {
          looped.add(p.get(i));
        }
      }
      looped.forEach(node -> loops.merge(node, 1L, Long::sum));
      Set<List<String>> bounced = new HashSet<>();
      for (int i = 2; i < p.size(); i++) {
        if (p.get(i).equals(p.get(i - 2))) {
          bounced.add(List.of(p.get(i), p.get(i - 1)));
        }
      }
      bounced.forEach(pair -> bounces.merge(pair, 1L, Long::sum));
    }
    long counted = paths.values().stream().mapToLong(Long::longValue).sum();
    return new PathsFound(
        profiles,
        counted,
        paths.entrySet().stream().map(e -> new PathCount(e.getKey(), e.getValue())).toList(),
        edges.entrySet().stream()
            .map(
                e ->
                    new SankeyEdge(
                        (Integer) e.getKey().get(0),
                        (String) e.getKey().get(1),
                        (String) e.getKey().get(2),
                        e.getValue()))
            .toList(),
        loops.entrySet().stream().map(e -> new Loop(e.getKey(), e.getValue())).toList(),
        bounces.entrySet().stream()
            .map(e -> new BackAndForth(e.getKey().get(0), e.getKey().get(1), e.getValue()))
            .toList());
  }

  private static Optional<List<String>> path(List<String> steps, PathQuery query) {
    int first = query.start().map(steps::indexOf).orElse(0);
    if (first < 0) {
      return Optional.empty();
    }
    if (query.end().isEmpty()) {
      return Optional.of(steps.subList(first, Math.min(steps.size(), first + query.steps())));
    }
    int from = query.start().isPresent() ? first + 1 : first;
    for (int i = from; i < steps.size(); i++) {
      if (steps.get(i).equals(query.end().get())) {
        return i - first + 1 <= query.steps()
            ? Optional.of(steps.subList(first, i + 1))
            : Optional.empty();
      }
    }
    return Optional.empty();
  }
}
