package trailmap.flows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The graph rules of a flow's steps, each failure naming the step at fault. */
final class FlowGraph {
  /** {@code next: end} ends a flow in files, so no step may be called that. */
  static final String END = "end";

  private FlowGraph() {}

  static void check(List<Step> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a flow needs at least one step");
    }
    Map<String, Step> byId = new HashMap<>();
    for (Step step : steps) {
      if (step.id().equals(END)) {
        throw new IllegalArgumentException(
            "step id 'end' is reserved ('next: end' ends the flow); rename the step");
      }
      if (byId.putIfAbsent(step.id(), step) != null) {
        throw new IllegalArgumentException("duplicate step id '" + step.id() + "'");
      }
    }
    for (Step step : steps) {
      for (String target : step.targets()) {
        if (!byId.containsKey(target)) {
          throw new IllegalArgumentException(
              "step '%s' leads to step '%s', which does not exist".formatted(step.id(), target));
        }
      }
    }
    Set<String> reached = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(steps.getFirst().id());
    for (Step step : steps) {
      if (step instanceof Goal goal && goal.event().isPresent()) {
        todo.add(goal.id());
      }
    }
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (reached.add(id)) {
        todo.addAll(byId.get(id).targets());
      }
    }
    for (Step step : steps) {
      if (!reached.contains(step.id())) {
        throw new IllegalArgumentException(
            "step '%s' is unreachable: no step leads to it from the first step '%s'"
                .formatted(step.id(), steps.getFirst().id()));
      }
    }
    for (Step step : steps) {
      List<String> cycle = cycleFrom(step, byId);
      if (!cycle.isEmpty()) {
        throw new IllegalArgumentException(
            "steps %s form a loop without a wait, which would run forever at once; put a wait in it"
                .formatted(String.join(" -> ", cycle)));
      }
    }
  }

  /** A loop through {@code start} whose steps are none of them waits, as ids; empty if none. */
  private static List<String> cycleFrom(Step start, Map<String, Step> byId) {
    if (start instanceof Wait) {
      return List.of();
    }
    LinkedHashSet<String> path = new LinkedHashSet<>();
    return walk(start, start.id(), byId, path, new HashSet<>());
  }

  private static List<String> walk(
      Step step,
      String origin,
      Map<String, Step> byId,
      LinkedHashSet<String> path,
      Set<String> done) {
    path.add(step.id());
    for (String target : step.targets()) {
      if (target.equals(origin)) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(origin);
        return cycle;
      }
      Step next = byId.get(target);
      if (!(next instanceof Wait) && !path.contains(target) && done.add(target)) {
        List<String> found = walk(next, origin, byId, path, done);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    path.remove(step.id());
    return List.of();
  }
}
