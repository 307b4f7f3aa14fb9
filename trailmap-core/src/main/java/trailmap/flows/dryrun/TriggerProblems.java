package trailmap.flows.dryrun;

import java.util.List;
import java.util.Optional;
import trailmap.flows.Flow;
import trailmap.flows.Trigger;
import trailmap.maps.JourneyMap;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/** Why a flow's trigger cannot be replayed with what the dry run was given; see DryRun#problems. */
final class TriggerProblems {
  private TriggerProblems() {}

  static List<String> of(Flow flow, Optional<JourneyMap> map, TriggerHistory history) {
    return switch (flow.trigger()) {
      case Trigger.OnEvent e -> List.of();
      case Trigger.Schedule s -> List.of();
      case Trigger.Api a -> List.of();
      case Trigger.TouchpointEntered t -> {
        Optional<String> problem =
            mapProblem(flow, t.mapId(), "touchpoint '" + t.touchpointId() + "'", map);
        if (problem.isEmpty() && map.get().touchpoint(t.touchpointId()).isEmpty()) {
          problem =
              Optional.of(
                  "map '%s' has no touchpoint '%s' (its touchpoints: %s); fix the flow's trigger"
                      .formatted(
                          t.mapId(),
                          t.touchpointId(),
                          String.join(", ", touchpointIds(map.get()))));
        }
        yield problem.stream().toList();
      }
      case Trigger.StageEntered st -> {
        Optional<String> problem =
            mapProblem(flow, st.mapId(), "stage '" + st.stageId() + "'", map);
        if (problem.isEmpty() && map.get().stage(st.stageId()).isEmpty()) {
          List<String> stages = map.get().stages().stream().map(Stage::id).toList();
          problem =
              Optional.of(
                  "map '%s' has no stage '%s' (its stages: %s); fix the flow's trigger"
                      .formatted(st.mapId(), st.stageId(), String.join(", ", stages)));
        }
        yield problem.stream().toList();
      }
      case Trigger.SegmentEntered s -> {
        if (history.segmentIds().contains(s.segmentId())) {
          yield List.of();
        }
        List<String> known = history.sortedSegmentIds();
        yield List.of(
            "flow '%s' starts when a profile joins segment '%s', but there is no segment '%s' (%s); fix the flow's trigger or create the segment first"
                .formatted(
                    flow.id(),
                    s.segmentId(),
                    s.segmentId(),
                    known.isEmpty()
                        ? "there are no segments"
                        : "the segments: " + String.join(", ", known)));
      }
    };
  }

  private static Optional<String> mapProblem(
      Flow flow, String mapId, String what, Optional<JourneyMap> map) {
    if (map.isEmpty()) {
      return Optional.of(
          "flow '%s' starts on %s of map '%s', but there is no map '%s' to replay it against; store the map first or fix the flow's trigger"
              .formatted(flow.id(), what, mapId, mapId));
    }
    if (!map.get().id().equals(mapId)) {
      return Optional.of(
          "flow '%s' starts on %s of map '%s', but the map given is '%s'"
              .formatted(flow.id(), what, mapId, map.get().id()));
    }
    return Optional.empty();
  }

  private static List<String> touchpointIds(JourneyMap map) {
    return map.stages().stream()
        .flatMap(stage -> stage.touchpoints().stream())
        .map(Touchpoint::id)
        .toList();
  }
}
