package trailmap.flows.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import trailmap.maps.JourneyMap;
import trailmap.maps.Matcher;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * The touchpoints and stages of journey maps that one event enters, as engine inputs for {@code
 * touchpoint} and {@code stage} triggers. The live runtime and the dry run both ask here, each
 * judging a matcher against the event in its own form (a log event, a row of an event table):
 *
 * <pre>{@code
 * List<Input> inputs = MapEntries.entered(maps, event.at(), matcher -> SegmentEvaluator.matches(matcher, event));
 * }</pre>
 */
public final class MapEntries {
  private MapEntries() {}

  /**
   * Map by map, in the order given: a {@link Input.TouchpointEntered} for every touchpoint whose
   * matcher {@code matches} (in stage and touchpoint order; a touchpoint without a matcher is never
   * entered), then a {@link Input.StageEntered} once for each stage of those touchpoints, each at
   * the event's time {@code at}. An event may enter several touchpoints; the flows' entry rules
   * decide what a repeated entry does.
   */
  public static List<Input> entered(
      Collection<JourneyMap> maps, Instant at, Predicate<Matcher> matches) {
    List<Input> inputs = new ArrayList<>();
    for (JourneyMap map : maps) {
      Set<String> stages = new LinkedHashSet<>();
      for (Stage stage : map.stages()) {
        for (Touchpoint touchpoint : stage.touchpoints()) {
          if (touchpoint.matcher().isPresent() && matches.test(touchpoint.matcher().get())) {
            inputs.add(new Input.TouchpointEntered(map.id(), touchpoint.id(), at));
            stages.add(stage.id());
          }
        }
      }
      stages.forEach(stage -> inputs.add(new Input.StageEntered(map.id(), stage, at)));
    }
    return inputs;
  }
}
