package trailmap.flows.dryrun;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
import trailmap.flows.policy.MessagePolicy;
import trailmap.maps.JourneyMap;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;
import trailmap.server.ProblemException;

/**
 * A dry run as one call, answering the document {@link DryRunJson} describes:
 *
 * <pre>{@code
 * JsonNode answer = FlowDryRun.run(flow, table, Optional.of(from), Optional.empty());
 * }</pre>
 *
 * <p>An absent {@code from} is the time of the table's earliest event; an absent {@code to} is just
 * after its latest event (so the last event is replayed and the data's end is the simulated "now").
 * Profiles without a {@code timezone} trait are in UTC. Thread-safe.
 */
public final class FlowDryRun {
  /** The seed of holdout and split assignment until workspaces have their own. */
  public static final long DEFAULT_SEED = 0;

  private FlowDryRun() {}

  /**
   * With {@link DryRunRules#FLOW_ONLY} (no caps, no global holdout; the flow's own quiet hours
   * apply) and {@link #DEFAULT_SEED}.
   *
   * @throws ProblemException 400 {@code invalid-query} when the flow's trigger cannot be replayed
   *     or the range is empty
   */
  public static ObjectNode run(
      Flow flow, EventTable table, Optional<Instant> from, Optional<Instant> to) {
    return run(flow, table, from, to, DryRunRules.FLOW_ONLY, DEFAULT_SEED);
  }

  /**
   * As {@link #run(Flow, EventTable, Optional, Optional)}, the simulated sends obeying {@code
   * rules} (a server's {@code messaging} rules), with the seed {@code seed}.
   */
  public static ObjectNode run(
      Flow flow,
      EventTable table,
      Optional<Instant> from,
      Optional<Instant> to,
      DryRunRules rules,
      long seed) {
    return run(flow, table, from, to, rules, seed, id -> Optional.empty());
  }

  /**
   * As {@link #run(Flow, EventTable, Optional, Optional, DryRunRules, long)}, replaying a
   * touchpoint or stage trigger against the map {@code maps} answers for its id (the latest stored
   * version, as the runtime uses): an event that satisfies a touchpoint's matcher enters the
   * touchpoint and its stage.
   *
   * @throws ProblemException 400 {@code invalid-query} also when the trigger's map, touchpoint or
   *     stage is not there, or the trigger is a segment or API trigger (the detail says why and
   *     what to dry-run instead)
   */
  public static ObjectNode run(
      Flow flow,
      EventTable table,
      Optional<Instant> from,
      Optional<Instant> to,
      DryRunRules rules,
      long seed,
      Function<String, Optional<JourneyMap>> maps) {
    MessagePolicy policy = rules.policy();
    Optional<JourneyMap> map =
        switch (flow.trigger()) {
          case Trigger.TouchpointEntered t -> maps.apply(t.mapId());
          case Trigger.StageEntered st -> maps.apply(st.mapId());
          default -> Optional.empty();
        };
    List<String> problems = DryRun.problems(flow, map);
    if (!problems.isEmpty()) {
      throw invalid(String.join("; ", problems));
    }
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw invalid(
          "the time range is empty: from " + from.get() + " is not before to " + to.get());
    }
    Optional<long[]> span = span(table);
    Instant start =
        from.orElseGet(
            () ->
                span.map(s -> instant(s[0]))
                    .orElse(to.map(t -> t.minusNanos(1_000)).orElse(Instant.EPOCH)));
    Instant end =
        to.orElseGet(
            () ->
                span.map(s -> instant(s[1] + 1))
                    .filter(start::isBefore)
                    .orElse(start.plusNanos(1_000)));
    if (!start.isBefore(end)) {
      throw invalid(
          "the time range is empty: from "
              + start
              + " is not before to "
              + end
              + " (the data ends before 'from'; give --to)");
    }
    DryRunRange range = new DryRunRange(start, end);
    DryRunResult result = new DryRun(flow, map, policy, seed, ZoneOffset.UTC).run(table, range);
    return DryRunJson.write(
        flow,
        result,
        warnings(flow, map, table, result),
        rules,
        seed,
        from.isEmpty(),
        to.isEmpty());
  }

  private static ProblemException invalid(String detail) {
    return ProblemException.badRequest("invalid-query", "The dry run cannot be done", detail);
  }

  /**
   * Names the flow listens for that the data never holds: a typo should not look like a finding;
   * and a schedule that fired for nobody in the range.
   */
  static List<String> warnings(
      Flow flow, Optional<JourneyMap> map, EventTable table, DryRunResult result) {
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
    if (flow.trigger() instanceof Trigger.Schedule schedule && result.scheduleFirings() == 0) {
      warnings.add(
          "schedule '%s' fires for no profile in [%s, %s): the range holds none of its times after a profile's first stored event; widen the range"
              .formatted(schedule.cron().expression(), result.from(), result.to()));
    }
    return warnings;
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

  /** The earliest and latest event time in microseconds; empty for an empty table. */
  private static Optional<long[]> span(EventTable table) {
    if (table.events() == 0) {
      return Optional.empty();
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int p = 0; p < table.profiles(); p++) {
      if (table.profileEnd(p) > table.profileStart(p)) {
        min = Math.min(min, table.micros(table.profileStart(p)));
        max = Math.max(max, table.micros(table.profileEnd(p) - 1));
      }
    }
    return Optional.of(new long[] {min, max});
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
