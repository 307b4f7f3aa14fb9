package trailmap.analytics;

import java.util.Optional;
import java.util.function.Function;
import trailmap.analytics.matching.Labelling;
import trailmap.analytics.matching.ReferenceMatching;
import trailmap.maps.JourneyMap;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * The reference implementations' labellings: an event's node name, computed from the logged event
 * itself, and the engine labelling that should agree with it.
 */
public enum Labels {
  EVENT_NAMES,
  TOUCHPOINTS,
  STAGES;

  /** The reference: the node name of an event, or empty when it is no node. */
  public Function<LoggedEvent, Optional<String>> reference(JourneyMap map) {
    return switch (this) {
      case EVENT_NAMES -> e -> e.name().isEmpty() ? Optional.empty() : Optional.of(e.name());
      case TOUCHPOINTS -> e -> firstMatch(map, e).map(m -> m[1]);
      case STAGES -> e -> firstMatch(map, e).map(m -> m[0]);
    };
  }

  public Labelling engine(JourneyMap map, EventTable table) {
    return switch (this) {
      case EVENT_NAMES -> Labelling.eventNames(table);
      case TOUCHPOINTS -> Labelling.touchpoints(map, table);
      case STAGES -> Labelling.stages(map, table);
    };
  }

  private static Optional<String[]> firstMatch(JourneyMap map, LoggedEvent event) {
    for (Stage stage : map.stages()) {
      for (Touchpoint tp : stage.touchpoints()) {
        if (tp.matcher().map(m -> ReferenceMatching.matches(m, event)).orElse(false)) {
          return Optional.of(new String[] {stage.id(), tp.id()});
        }
      }
    }
    return Optional.empty();
  }
}
