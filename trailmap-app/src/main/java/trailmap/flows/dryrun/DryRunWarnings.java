package trailmap.flows.dryrun;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import trailmap.analytics.Dictionary;
import trailmap.analytics.EventTable;
import trailmap.flows.Condition;
import trailmap.flows.Exit;
import trailmap.flows.Flow;
import trailmap.flows.Goal;
import trailmap.flows.Split;
import trailmap.flows.Step;
import trailmap.flows.Trigger;
import trailmap.flows.Wait;
import trailmap.flows.runtime.FlowStore;
import trailmap.maps.JourneyMap;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * What a dry-run answer warns about: what the data cannot match (a typo should not look like a
 * finding), and a trigger that fired for nobody in the range.
 */
final class DryRunWarnings {
  private DryRunWarnings() {}

  /**
   * @param recordedInRange the recorded firings of a segment or api trigger in the range, for any
   *     profile: those beyond the result's count are of profiles the data no longer holds
   */
  static List<String> of(
      Flow flow,
      Optional<JourneyMap> map,
      EventTable table,
      DryRunResult result,
      long recordedInRange) {
    Set<String> names = new LinkedHashSet<>();
    List<String> warnings = new ArrayList<>();
    if (flow.trigger() instanceof Trigger.OnEvent on) {
      names.add(on.match().event());
    }
    for (Touchpoint touchpoint : entryTouchpoints(flow.trigger(), map)) {
      if (touchpoint.matcher().isEmpty()) {
        warnings.add(
            "touchpoint '%s' of map '%s' has no match rule: no event enters it"
                .formatted(touchpoint.id(), map.orElseThrow().id()));
      } else {
        touchpoint.matcher().get().event().ifPresent(names::add);
      }
    }
    for (Step step : flow.steps()) {
      if (step instanceof Goal goal) {
        goal.event().ifPresent(e -> names.add(e.event()));
      }
      if (step instanceof Wait wait && wait.until() instanceof Wait.Until.Event until) {
        names.add(until.match().event());
      }
      if (step instanceof Split split && split.rule() instanceof Split.ByCondition byCondition) {
        byCondition.branches().forEach(branch -> didEvents(branch.condition(), names));
      }
    }
    for (Exit exit : flow.exits()) {
      if (exit instanceof Exit.OnEvent on) {
        names.add(on.match().event());
      }
    }
    for (String name : names) {
      if (table.names().lookup(name) == Dictionary.ABSENT) {
        warnings.add("no event named '" + name + "' in the data: nothing can match it");
      }
    }
    if (result.events() == 0) {
      warnings.add("no event falls in the range [" + result.from() + ", " + result.to() + ")");
    }
    warnings.addAll(triggerWarnings(flow, result, recordedInRange));
    return warnings;
  }

  private static List<String> triggerWarnings(
      Flow flow, DryRunResult result, long recordedInRange) {
    String range = "[" + result.from() + ", " + result.to() + ")";
    List<String> warnings = new ArrayList<>();
    switch (flow.trigger()) {
      case Trigger.Schedule schedule -> {
        if (result.scheduleFirings() == 0) {
          warnings.add(
              "schedule '%s' fires for no profile in %s: the range holds none of its times after a profile's first stored event; widen the range"
                  .formatted(schedule.cron().expression(), range));
        }
      }
      case Trigger.SegmentEntered s -> {
        if (recordedInRange == 0) {
          warnings.add(
              "segment '%s' has no recorded entry in %s: nobody enters; widen the range"
                  .formatted(s.segmentId(), range));
        }
        unreplayed(warnings, recordedInRange - result.segmentEntries(), "entries into the segment");
      }
      case Trigger.Api a -> {
        if (recordedInRange == 0) {
          warnings.add(
              "no call to POST /api/flows/%s/trigger is logged in %s: nobody enters (calls are logged since Trailmap began keeping them, for %d days)"
                  .formatted(flow.id(), range, FlowStore.API_CALL_HISTORY.toDays()));
        }
        unreplayed(warnings, recordedInRange - result.apiCalls(), "API calls");
      }
      default -> {}
    }
    return warnings;
  }

  private static void unreplayed(List<String> warnings, long count, String what) {
    if (count > 0) {
      warnings.add(
          "%d recorded %s in the range are for profiles the data no longer holds (merged into another profile): they are not replayed"
              .formatted(count, what));
    }
  }

  /** The touchpoints through which a touchpoint or stage trigger can be entered. */
  private static List<Touchpoint> entryTouchpoints(Trigger trigger, Optional<JourneyMap> map) {
    if (map.isEmpty()) {
      return List.of();
    }
    return switch (trigger) {
      case Trigger.TouchpointEntered t -> map.get().touchpoint(t.touchpointId()).stream().toList();
      case Trigger.StageEntered st ->
          map.get().stage(st.stageId()).map(Stage::touchpoints).orElse(List.of());
      default -> List.of();
    };
  }

  private static void didEvents(Condition condition, Set<String> names) {
    switch (condition) {
      case Condition.Did did -> names.add(did.match().event());
      case Condition.Not not -> didEvents(not.condition(), names);
      case Condition.Traits traits -> {}
    }
  }
}
