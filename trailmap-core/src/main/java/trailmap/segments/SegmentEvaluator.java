package trailmap.segments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import trailmap.analytics.Conditions;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.flows.FlowEvent;
import trailmap.maps.JourneyMap;
import trailmap.maps.Matcher;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * Decides segment membership from what is known of a profile at an instant, and when that answer
 * can change next without a new event or trait.
 *
 * <pre>{@code
 * SegmentEvaluator evaluator = new SegmentEvaluator(mapId -> maps.latest(mapId));
 * boolean member = evaluator.membership(segment.rule(), traits, events, now);
 * Optional<Instant> recheck = evaluator.nextChange(segment.rule(), traits, events, now);
 * }</pre>
 *
 * <p>Events are the profile's events in any order; those after {@code now} are not seen yet (they
 * count from their timestamp on). A map rule naming a map, stage or touchpoint that {@code maps}
 * does not know never holds. Pure and thread-safe when {@code maps} is.
 */
public final class SegmentEvaluator {
  private final Function<String, Optional<JourneyMap>> maps;

  /**
   * @param maps the journey maps stage and touchpoint rules refer to, by id
   */
  public SegmentEvaluator(Function<String, Optional<JourneyMap>> maps) {
    this.maps = maps;
  }

  /** Whether a profile with these traits and events satisfies {@code rule} at {@code now}. */
  public boolean membership(Rule rule, JsonValue.Obj traits, List<Event> events, Instant now) {
    return switch (rule) {
      case Rule.Traits t -> Conditions.all(t.where(), traits);
      case Rule.Did d -> d.accepts(count(d, events, now));
      case Rule.InStage s -> inStage(s, events, now);
      case Rule.ReachedTouchpoint r -> reached(r, events, now);
      case Rule.All all -> all.rules().stream().allMatch(r -> membership(r, traits, events, now));
      case Rule.Any any -> any.rules().stream().anyMatch(r -> membership(r, traits, events, now));
      case Rule.Not not -> !membership(not.rule(), traits, events, now);
    };
  }

  /**
   * The first instant after {@code now} at which {@link #membership} differs from its answer at
   * {@code now} if nothing but time changes: a counted event ages out of a window, or an event
   * stamped in the future comes due. Empty when time alone never changes it.
   */
  public Optional<Instant> nextChange(
      Rule rule, JsonValue.Obj traits, List<Event> events, Instant now) {
    TreeSet<Instant> candidates = new TreeSet<>();
    collect(rule, events, now, candidates);
    boolean current = membership(rule, traits, events, now);
    for (Instant at : candidates) {
      if (membership(rule, traits, events, at) != current) {
        return Optional.of(at);
      }
    }
    return Optional.empty();
  }

  /** The instants after now at which some count or map position of {@code rule} may change. */
  private static void collect(Rule rule, List<Event> events, Instant now, TreeSet<Instant> into) {
    switch (rule) {
      case Rule.Traits t -> {}
      case Rule.Did d -> {
        for (Event e : events) {
          if (d.match().matches(FlowEvent.of(e))) {
            Instant t = e.timestamp();
            if (t.isAfter(now)) {
              into.add(t);
            }
            Instant out = t.plus(d.within());
            if (out.isAfter(now)) {
              into.add(out);
            }
          }
        }
      }
      case Rule.InStage s -> future(events, now, into);
      case Rule.ReachedTouchpoint r -> future(events, now, into);
      case Rule.All all -> all.rules().forEach(r -> collect(r, events, now, into));
      case Rule.Any any -> any.rules().forEach(r -> collect(r, events, now, into));
      case Rule.Not not -> collect(not.rule(), events, now, into);
    }
  }

  private static void future(List<Event> events, Instant now, TreeSet<Instant> into) {
    for (Event e : events) {
      if (e.timestamp().isAfter(now)) {
        into.add(e.timestamp());
      }
    }
  }

  /** Matching events with {@code now - within < t <= now}. */
  static int count(Rule.Did rule, List<Event> events, Instant now) {
    Instant since = now.minus(rule.within());
    int n = 0;
    for (Event e : events) {
      Instant t = e.timestamp();
      if (!t.isAfter(now) && t.isAfter(since) && rule.match().matches(FlowEvent.of(e))) {
        n++;
      }
    }
    return n;
  }

  private boolean inStage(Rule.InStage rule, List<Event> events, Instant now) {
    Optional<JourneyMap> map = maps.apply(rule.mapId());
    if (map.isEmpty()) {
      return false;
    }
    Event latest = null;
    Stage latestStage = null;
    for (Event e : events) {
      if (e.timestamp().isAfter(now)) {
        continue;
      }
      Optional<Stage> stage = stageOf(map.get(), e);
      if (stage.isPresent() && (latest == null || !e.timestamp().isBefore(latest.timestamp()))) {
        latest = e;
        latestStage = stage.get();
      }
    }
    return latestStage != null && latestStage.id().equals(rule.stageId());
  }

  /** The stage of the first touchpoint, in map order, whose matcher matches the event. */
  static Optional<Stage> stageOf(JourneyMap map, Event event) {
    for (Stage stage : map.stages()) {
      for (Touchpoint tp : stage.touchpoints()) {
        if (tp.matcher().isPresent() && matches(tp.matcher().get(), event)) {
          return Optional.of(stage);
        }
      }
    }
    return Optional.empty();
  }

  private boolean reached(Rule.ReachedTouchpoint rule, List<Event> events, Instant now) {
    Optional<Matcher> matcher =
        maps.apply(rule.mapId())
            .flatMap(m -> m.touchpoint(rule.touchpointId()))
            .flatMap(Touchpoint::matcher);
    if (matcher.isEmpty()) {
      return false;
    }
    return events.stream().anyMatch(e -> !e.timestamp().isAfter(now) && matches(matcher.get(), e));
  }

  /**
   * A touchpoint's matcher against one event: every criterion that is set holds. Public for the
   * flow runtime, whose touchpoint and stage triggers match single events the same way.
   */
  public static boolean matches(Matcher matcher, Event event) {
    return matcher.event().map(n -> event.name().map(n::equals).orElse(false)).orElse(true)
        && matcher.type().map(t -> t == event.type()).orElse(true)
        && matcher.channel().map(c -> c.equals(event.channel())).orElse(true)
        && Conditions.all(matcher.where(), event.properties());
  }
}
