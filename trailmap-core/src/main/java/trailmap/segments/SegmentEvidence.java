package trailmap.segments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Segment membership from a small, bounded set of {@link Evidence} kept per profile instead of the
 * profile's whole history: the same answers as {@link SegmentEvaluator} gives on every event.
 *
 * <pre>{@code
 * SegmentEvidence evidence = new SegmentEvidence(mapId -> maps.latest(mapId));
 * List<Evidence> seen = new ArrayList<>(stored);
 * seen.addAll(evidence.observe(rule, event, position));       // each new event, once or more
 * List<Evidence> kept = SegmentEvidence.keep(rule, seen, now); // store these
 * boolean member = SegmentEvidence.membership(rule, traits, kept, now);
 * Optional<Instant> recheck = SegmentEvidence.nextChange(rule, traits, kept, now);
 * }</pre>
 *
 * <p>The rules that read events ({@code did}, stage and touchpoint rules) are numbered in the order
 * {@link #readers} lists them. What each keeps, given the events it saw and {@code now}:
 *
 * <ul>
 *   <li>{@code did … atLeast N} ({@code atMost N}): the events stamped after {@code now}, and of
 *       the others those still in the window, the newest N (N + 1). An older one can change no
 *       count that matters: when it is in the window, so are the N (N + 1) kept, which already
 *       decide.
 *   <li>touchpoint rule: the earliest matching event.
 *   <li>stage rule: the latest placing event up to {@code now} (latest time, then position) and
 *       every placing event stamped after {@code now}.
 * </ul>
 *
 * Keeping is idempotent and forgets nothing later answers need, provided {@code now} does not go
 * back between calls: {@code keep(keep(A, t1) ∪ B, t2) = keep(A ∪ B, t2)} for {@code t1 <= t2},
 * with evidence of the same reader and position counted once. So events may be observed again (a
 * rebuild from the history, a redelivered page) and evidence of two profiles may be pooled. Answers
 * at and after the {@code now} of the last keep equal {@link SegmentEvaluator}'s on all the events
 * observed. Pure; thread-safe when {@code maps} is.
 */
public final class SegmentEvidence {
  private static final Comparator<Evidence> BY_TIME =
      Comparator.comparing(Evidence::at).thenComparingLong(Evidence::position);

  private final Function<String, Optional<JourneyMap>> maps;

  /**
   * @param maps the journey maps stage and touchpoint rules refer to, by id; read by {@link
   *     #observe} only
   */
  public SegmentEvidence(Function<String, Optional<JourneyMap>> maps) {
    this.maps = maps;
  }

  /** The rules of {@code rule} that read events, depth first in document order. */
  public static List<Rule> readers(Rule rule) {
    List<Rule> out = new ArrayList<>();
    collectReaders(rule, out);
    return List.copyOf(out);
  }

  private static void collectReaders(Rule rule, List<Rule> into) {
    switch (rule) {
      case Rule.Traits t -> {}
      case Rule.Did d -> into.add(d);
      case Rule.InStage s -> into.add(s);
      case Rule.ReachedTouchpoint r -> into.add(r);
      case Rule.All all -> all.rules().forEach(r -> collectReaders(r, into));
      case Rule.Any any -> any.rules().forEach(r -> collectReaders(r, into));
      case Rule.Not not -> collectReaders(not.rule(), into);
    }
  }

  /** Whether some part of {@code rule} reads the profile's traits. */
  public static boolean readsTraits(Rule rule) {
    return switch (rule) {
      case Rule.Traits t -> true;
      case Rule.Did d -> false;
      case Rule.InStage s -> false;
      case Rule.ReachedTouchpoint r -> false;
      case Rule.All all -> all.rules().stream().anyMatch(SegmentEvidence::readsTraits);
      case Rule.Any any -> any.rules().stream().anyMatch(SegmentEvidence::readsTraits);
      case Rule.Not not -> readsTraits(not.rule());
    };
  }

  /** The ids of the maps {@code rule}'s stage and touchpoint rules name. */
  public static Set<String> maps(Rule rule) {
    Set<String> ids = new LinkedHashSet<>();
    for (Rule reader : readers(rule)) {
      switch (reader) {
        case Rule.InStage s -> ids.add(s.mapId());
        case Rule.ReachedTouchpoint r -> ids.add(r.mapId());
        default -> {}
      }
    }
    return Set.copyOf(ids);
  }

  /** What one event at {@code position} shows {@code rule}'s readers: one entry per reader. */
  public List<Evidence> observe(Rule rule, Event event, long position) {
    List<Rule> readers = readers(rule);
    List<Evidence> out = new ArrayList<>();
    for (int i = 0; i < readers.size(); i++) {
      switch (readers.get(i)) {
        case Rule.Did d -> {
          if (d.match().matches(FlowEvent.of(event))) {
            out.add(new Evidence(i, event.timestamp(), position, ""));
          }
        }
        case Rule.ReachedTouchpoint r -> {
          Optional<Matcher> matcher =
              maps.apply(r.mapId())
                  .flatMap(m -> m.touchpoint(r.touchpointId()))
                  .flatMap(Touchpoint::matcher);
          if (matcher.isPresent() && SegmentEvaluator.matches(matcher.get(), event)) {
            out.add(new Evidence(i, event.timestamp(), position, ""));
          }
        }
        case Rule.InStage s -> {
          Optional<Stage> stage =
              maps.apply(s.mapId()).flatMap(m -> SegmentEvaluator.stageOf(m, event));
          if (stage.isPresent()) {
            out.add(new Evidence(i, event.timestamp(), position, stage.get().id()));
          }
        }
        default -> throw new IllegalStateException("not an event-reading rule: " + readers.get(i));
      }
    }
    return out;
  }

  /**
   * What answers at {@code now} and later need of {@code evidence} (see the class comment), in
   * reader, time and position order. Of two entries with the same reader and position the later in
   * {@code evidence} wins; entries of a reader {@code rule} does not have are dropped.
   */
  public static List<Evidence> keep(Rule rule, Collection<Evidence> evidence, Instant now) {
    List<Rule> readers = readers(rule);
    List<List<Evidence>> byReader = byReader(readers.size(), evidence);
    List<Evidence> out = new ArrayList<>();
    for (int i = 0; i < readers.size(); i++) {
      List<Evidence> seen = byReader.get(i);
      seen.sort(BY_TIME);
      List<Evidence> due = new ArrayList<>();
      List<Evidence> future = new ArrayList<>();
      for (Evidence e : seen) {
        (e.at().isAfter(now) ? future : due).add(e);
      }
      switch (readers.get(i)) {
        case Rule.Did d -> {
          Instant since = now.minus(d.within());
          List<Evidence> inWindow = due.stream().filter(e -> e.at().isAfter(since)).toList();
          int decisive = d.bound() == Rule.Bound.AT_LEAST ? d.count() : d.count() + 1;
          out.addAll(inWindow.subList(Math.max(0, inWindow.size() - decisive), inWindow.size()));
          out.addAll(future);
        }
        case Rule.ReachedTouchpoint r -> {
          if (!seen.isEmpty()) {
            out.add(seen.get(0));
          }
        }
        case Rule.InStage s -> {
          if (!due.isEmpty()) {
            out.add(due.get(due.size() - 1));
          }
          out.addAll(future);
        }
        default -> throw new IllegalStateException("not an event-reading rule: " + readers.get(i));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Whether a profile with these traits and this evidence satisfies {@code rule} at {@code now}.
   */
  public static boolean membership(
      Rule rule, JsonValue.Obj traits, Collection<Evidence> evidence, Instant now) {
    List<List<Evidence>> byReader = byReader(readers(rule).size(), evidence);
    return holds(rule, traits, byReader, now, new int[1]);
  }

  /**
   * The first instant after {@code now} at which {@link #membership} differs from its answer at
   * {@code now} if nothing but time changes; empty when time alone never changes it. {@code
   * evidence} must be what {@link #keep} kept at {@code now} or earlier.
   */
  public static Optional<Instant> nextChange(
      Rule rule, JsonValue.Obj traits, Collection<Evidence> evidence, Instant now) {
    List<Rule> readers = readers(rule);
    List<List<Evidence>> byReader = byReader(readers.size(), evidence);
    TreeSet<Instant> candidates = new TreeSet<>();
    for (int i = 0; i < readers.size(); i++) {
      for (Evidence e : byReader.get(i)) {
        if (e.at().isAfter(now)) {
          candidates.add(e.at());
        }
        if (readers.get(i) instanceof Rule.Did d && e.at().plus(d.within()).isAfter(now)) {
          candidates.add(e.at().plus(d.within()));
        }
      }
    }
    boolean current = holds(rule, traits, byReader, now, new int[1]);
    for (Instant at : candidates) {
      if (holds(rule, traits, byReader, at, new int[1]) != current) {
        return Optional.of(at);
      }
    }
    return Optional.empty();
  }

  /** Walks the rule depth first, never short-circuiting, so {@code next} numbers the readers. */
  private static boolean holds(
      Rule rule, JsonValue.Obj traits, List<List<Evidence>> byReader, Instant now, int[] next) {
    return switch (rule) {
      case Rule.Traits t -> Conditions.all(t.where(), traits);
      case Rule.Did d -> {
        Instant since = now.minus(d.within());
        int n = 0;
        for (Evidence e : byReader.get(next[0]++)) {
          if (!e.at().isAfter(now) && e.at().isAfter(since)) {
            n++;
          }
        }
        yield d.accepts(n);
      }
      case Rule.ReachedTouchpoint r ->
          byReader.get(next[0]++).stream().anyMatch(e -> !e.at().isAfter(now));
      case Rule.InStage s -> {
        Evidence latest = null;
        for (Evidence e : byReader.get(next[0]++)) {
          if (!e.at().isAfter(now) && (latest == null || BY_TIME.compare(e, latest) > 0)) {
            latest = e;
          }
        }
        yield latest != null && latest.stage().equals(s.stageId());
      }
      case Rule.All all -> {
        boolean every = true;
        for (Rule r : all.rules()) {
          every &= holds(r, traits, byReader, now, next);
        }
        yield every;
      }
      case Rule.Any any -> {
        boolean some = false;
        for (Rule r : any.rules()) {
          some |= holds(r, traits, byReader, now, next);
        }
        yield some;
      }
      case Rule.Not not -> !holds(not.rule(), traits, byReader, now, next);
    };
  }

  /** Evidence per reader, each reader and position once (the later entry wins). */
  private static List<List<Evidence>> byReader(int readers, Collection<Evidence> evidence) {
    List<Map<Long, Evidence>> unique = new ArrayList<>();
    for (int i = 0; i < readers; i++) {
      unique.add(new LinkedHashMap<>());
    }
    for (Evidence e : evidence) {
      if (e.reader() < readers) {
        unique.get(e.reader()).put(e.position(), e);
      }
    }
    List<List<Evidence>> out = new ArrayList<>();
    unique.forEach(u -> out.add(new ArrayList<>(u.values())));
    return out;
  }
}
