package trailmap.flows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flow version: what starts it, who may enter, the steps (the first is where a profile starts),
 * and what removes a profile at any step. Construction checks the graph: step ids are unique, every
 * branch refers to a step that exists, every step is reachable from the first (a goal with an event
 * is reachable by its event), and no loop runs without a wait.
 *
 * @param version 1 or more; profiles stay on the version they entered
 * @param priority 1 (lowest) to 10 (highest), default 5: which flow's messages win near a cap
 * @param holdout share of entering profiles (0 to 0.5) held out of every message of this flow
 * @param quietHours overrides the policy's quiet hours for this flow's messages
 */
public record Flow(
    String id,
    String name,
    int version,
    Optional<String> description,
    Trigger trigger,
    EntryRules entry,
    List<Step> steps,
    List<Exit> exits,
    int priority,
    double holdout,
    Optional<QuietHours> quietHours) {

  public static final int DEFAULT_PRIORITY = 5;

  public Flow {
    Names.requireId(id, "flow");
    Names.requireText(name, "flow name");
    description = description == null ? Optional.empty() : description;
    Names.require(trigger, "flow '" + id + "' trigger");
    entry = entry == null ? EntryRules.ONCE : entry;
    steps = Names.copy(steps);
    exits = Names.copy(exits);
    quietHours = quietHours == null ? Optional.empty() : quietHours;
    if (version < 1) {
      throw new IllegalArgumentException("flow version must be 1 or more, was " + version);
    }
    if (priority < 1 || priority > 10) {
      throw new IllegalArgumentException(
          "flow priority must be between 1 and 10 (higher wins), was " + priority);
    }
    if (!(holdout >= 0 && holdout <= 0.5)) {
      throw new IllegalArgumentException("flow holdout must be between 0 and 0.5, was " + holdout);
    }
    FlowGraph.check(steps);
  }

  /** The step where every profile starts. */
  public Step first() {
    return steps.getFirst();
  }

  /** The step with this id. */
  public Optional<Step> step(String stepId) {
    return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
  }

  /** The goals that listen for an event, checked on every event while a profile is inside. */
  public List<Goal> eventGoals() {
    return steps.stream()
        .filter(s -> s instanceof Goal g && g.event().isPresent())
        .map(s -> (Goal) s)
        .toList();
  }

  /** Steps by id, for lookups in a hot loop. */
  public Map<String, Step> stepsById() {
    Map<String, Step> byId = new HashMap<>();
    steps.forEach(s -> byId.put(s.id(), s));
    return Map.copyOf(byId);
  }
}
