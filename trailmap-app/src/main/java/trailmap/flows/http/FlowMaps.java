package trailmap.flows.http;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import trailmap.flows.Flow;
import trailmap.flows.Trigger;
import trailmap.maps.JourneyMap;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;
import trailmap.maps.format.Suggestions;

/**
 * The journey map a flow's {@code touchpoint} or {@code stage} trigger names, checked against the
 * stored maps: the map must be stored and its latest version must hold the touchpoint or stage.
 * Otherwise no event can ever enter the trigger and the flow never starts for anyone. Publishing
 * such a flow is refused; a published flow whose map lost it later shows a warning in its stats.
 *
 * <p>Thread-safe if the lookups are (the server's read the map store).
 */
final class FlowMaps {
  /** What is missing: the problem type's slug and title, and a sentence naming what exists. */
  record Gap(String slug, String title, String what) {}

  private final Function<String, Optional<JourneyMap>> latest;
  private final Supplier<? extends Collection<String>> ids;

  /**
   * @param latest the latest stored version of a map by id, empty when it is not stored
   * @param ids the ids of every stored map
   */
  FlowMaps(
      Function<String, Optional<JourneyMap>> latest, Supplier<? extends Collection<String>> ids) {
    this.latest = latest;
    this.ids = ids;
  }

  /** Why the flow's trigger can never be entered; empty when it can or names no map. */
  Optional<Gap> gap(Flow flow) {
    return switch (flow.trigger()) {
      case Trigger.TouchpointEntered t ->
          gap(t.mapId(), "touchpoint", t.touchpointId(), FlowMaps::touchpointIds);
      case Trigger.StageEntered s -> gap(s.mapId(), "stage", s.stageId(), FlowMaps::stageIds);
      default -> Optional.empty();
    };
  }

  private Optional<Gap> gap(
      String mapId, String kind, String id, Function<JourneyMap, List<String>> idsOf) {
    Optional<JourneyMap> map = latest.apply(mapId);
    if (map.isEmpty()) {
      TreeSet<String> stored = new TreeSet<>(ids.get());
      return Optional.of(
          new Gap(
              "unknown-map",
              "Map not found",
              "its %s trigger names map '%s', which is not stored (%s)%s"
                  .formatted(
                      kind,
                      mapId,
                      stored.isEmpty()
                          ? "no map is stored"
                          : "stored maps: " + String.join(", ", stored),
                      Suggestions.hint(mapId, stored))));
    }
    List<String> present = idsOf.apply(map.get());
    if (present.contains(id)) {
      return Optional.empty();
    }
    return Optional.of(
        new Gap(
            "unknown-" + kind,
            kind.equals("stage") ? "Stage not in the map" : "Touchpoint not in the map",
            "its trigger names %s '%s', which the latest version of map '%s' does not have (its %ss: %s)%s"
                .formatted(
                    kind,
                    id,
                    mapId,
                    kind,
                    present.isEmpty() ? "none" : String.join(", ", present),
                    Suggestions.hint(id, present))));
  }

  private static List<String> touchpointIds(JourneyMap map) {
    return map.touchpoints().map(Touchpoint::id).toList();
  }

  private static List<String> stageIds(JourneyMap map) {
    return map.stages().stream().map(Stage::id).toList();
  }
}
