package trailmap.flows.dryrun;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import trailmap.analytics.EventTable;
import trailmap.flows.Flow;
import trailmap.flows.Trigger;
import trailmap.flows.policy.MessagePolicy;
import trailmap.maps.JourneyMap;
import trailmap.server.ProblemException;

/**
 * A dry run as one call, answering the document {@link DryRunJson} describes:
 *
 * <pre>{@code
 * JsonNode answer = FlowDryRun.run(flow, table, Optional.of(from), Optional.empty());
 * }</pre>
 *
 * <p>An absent {@code from} is the time of the table's earliest event (or a segment or api
 * trigger's earliest recorded firing); an absent {@code to} is just after its latest event or
 * firing (so the last one is replayed and the data's end is the simulated "now"). Profiles without
 * a {@code timezone} trait are in UTC. Thread-safe.
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
   * touchpoint and its stage. A segment flow is refused and an api flow enters nobody: there is no
   * trigger history (see the overload with {@link TriggerHistories}).
   */
  public static ObjectNode run(
      Flow flow,
      EventTable table,
      Optional<Instant> from,
      Optional<Instant> to,
      DryRunRules rules,
      long seed,
      Function<String, Optional<JourneyMap>> maps) {
    return run(flow, table, from, to, rules, seed, maps, TriggerHistories.NONE);
  }

  /**
   * As {@link #run(Flow, EventTable, Optional, Optional, DryRunRules, long, Function)}, replaying a
   * segment trigger from the segment's recorded entries and an api trigger from the flow's logged
   * calls in {@code histories} (those in the range, at their recorded times). An absent {@code
   * from} or {@code to} then also covers the first and last recorded firing.
   *
   * @throws ProblemException 400 {@code invalid-query} when the range is empty, or the trigger's
   *     map, touchpoint, stage or segment is not there (the detail names what is)
   */
  public static ObjectNode run(
      Flow flow,
      EventTable table,
      Optional<Instant> from,
      Optional<Instant> to,
      DryRunRules rules,
      long seed,
      Function<String, Optional<JourneyMap>> maps,
      TriggerHistories histories) {
    MessagePolicy policy = rules.policy();
    Optional<JourneyMap> map =
        switch (flow.trigger()) {
          case Trigger.TouchpointEntered t -> maps.apply(t.mapId());
          case Trigger.StageEntered st -> maps.apply(st.mapId());
          default -> Optional.empty();
        };
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw invalid(
          "the time range is empty: from " + from.get() + " is not before to " + to.get());
    }
    TriggerHistory history = history(flow, histories, from, to);
    List<String> problems = DryRun.problems(flow, map, history);
    if (!problems.isEmpty()) {
      throw invalid(String.join("; ", problems));
    }
    List<Instant> times = new ArrayList<>();
    span(table).ifPresent(times::addAll);
    history.firings().values().forEach(profile -> times.addAll(profile));
    Optional<Instant> first = times.stream().min(Instant::compareTo);
    Optional<Instant> last = times.stream().max(Instant::compareTo);
    Instant start =
        from.orElseGet(() -> first.orElse(to.map(t -> t.minusNanos(1_000)).orElse(Instant.EPOCH)));
    Instant end =
        to.orElseGet(
            () ->
                last.map(t -> t.plusNanos(1_000))
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
    DryRunResult result =
        new DryRun(flow, map, history, policy, seed, ZoneOffset.UTC).run(table, range);
    long recordedInRange =
        history.firings().values().stream().flatMap(List::stream).filter(range::contains).count();
    return DryRunJson.write(
        flow,
        result,
        DryRunWarnings.of(flow, map, table, result, recordedInRange),
        rules,
        seed,
        from.isEmpty(),
        to.isEmpty());
  }

  /**
   * The recorded firings of a segment or api trigger within the given bounds, and for a segment
   * trigger the segments that exist; {@link TriggerHistory#NONE} for other triggers.
   */
  private static TriggerHistory history(
      Flow flow, TriggerHistories histories, Optional<Instant> from, Optional<Instant> to) {
    return switch (flow.trigger()) {
      case Trigger.SegmentEntered s -> {
        Set<String> segments = histories.segmentIds();
        yield TriggerHistory.of(
            segments,
            segments.contains(s.segmentId())
                ? histories.segmentEntries(s.segmentId(), from, to)
                : List.of());
      }
      case Trigger.Api a -> TriggerHistory.of(Set.of(), histories.apiCalls(flow.id(), from, to));
      default -> TriggerHistory.NONE;
    };
  }

  private static ProblemException invalid(String detail) {
    return ProblemException.badRequest("invalid-query", "The dry run cannot be done", detail);
  }

  /** The earliest and latest event time; empty for an empty table. */
  private static Optional<List<Instant>> span(EventTable table) {
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
    return Optional.of(List.of(instant(min), instant(max)));
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
