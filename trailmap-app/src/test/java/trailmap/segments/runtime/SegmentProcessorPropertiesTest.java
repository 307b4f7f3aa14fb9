package trailmap.segments.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import trailmap.eventlog.MemoryEventLog;
import trailmap.eventlog.SettableClock;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.events.json.EventJson;
import trailmap.maps.EventType;
import trailmap.maps.JourneyMap;
import trailmap.maps.format.MapReader;
import trailmap.profiles.Identity;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.IdentityType;
import trailmap.profiles.MergeRecord;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileRecord;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileStore;
import trailmap.profiles.TraitHistory;
import trailmap.segments.Segment;
import trailmap.segments.SegmentEvaluator;
import trailmap.segments.store.SegmentStore;

/**
 * The segment processor on real SQLite files against the reference: after every action of a random
 * sequence (events of several people, late and future-stamped, traits, identity merges, time
 * passing, a map saved with other matchers, a segment saved anew, an erasure, a crash between
 * erasing a person from profiles.db and from segments.db, a restart), every profile's stored
 * membership of every segment equals {@link SegmentEvaluator} on the profile's whole history now,
 * and segments.db holds nothing for a profile that profiles.db no longer holds.
 */
class SegmentProcessorPropertiesTest {
  static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

  static final List<String> SEGMENTS =
      List.of(
          """
          id: twice-a
          name: A twice in 20 seconds
          rule: {did: A, atLeast: 2, within: 20s}
          """,
          """
          id: few-b-pro
          name: At most one B in 30 seconds, on the pro plan
          rule:
            all:
              - did: B
                atMost: 1
                within: 30s
              - traits: {plan: pro}
          """,
          """
          id: in-s2
          name: In stage s2
          rule: {stage: s2, map: m}
          """,
          """
          id: tc-or-not-s1
          name: Reached tc, or not in s1
          rule:
            any:
              - touchpoint: tc
                map: m
              - not: {stage: s1, map: m}
          """);

  /** The same segment with another window, saved midway. */
  static final String TWICE_A_SHORTER =
      """
      id: twice-a
      name: A twice in 8 seconds
      rule: {did: A, atLeast: 2, within: 8s}
      """;

  /** Who sends an event: each entry's identities; the last ones join two people. */
  static final List<List<Identity>> SENDERS =
      List.of(
          List.of(user("u1")),
          List.of(user("u2")),
          List.of(anon("a1")),
          List.of(anon("a2")),
          List.of(user("u1"), anon("a1")),
          List.of(user("u2"), anon("a2")),
          List.of(user("u1"), anon("a2")));

  sealed interface Action {}

  /** An event {@code offset} seconds from now (negative: late; positive: future-stamped). */
  record Send(int sender, String name, int offset, Optional<String> plan) implements Action {}

  record Pass(int seconds) implements Action {}

  record EditMap() implements Action {}

  record ResaveSegment() implements Action {}

  /**
   * Erases the person who sent as {@code sender}; with {@code crash}, the process stops after
   * profiles.db forgot them and before segments.db heard of it, and starts again.
   */
  record Erase(int sender, boolean crash) implements Action {}

  record Restart() implements Action {}

  @Property(tries = 80)
  void everyMembershipEqualsTheRulesOnTheWholeHistory(@ForAll("actions") List<Action> actions)
      throws Exception {
    Path dir = Files.createTempDirectory("segments-property");
    try (World world = new World(dir)) {
      boolean merged = false;
      for (Action action : actions) {
        world.act(action);
        world.settle();
        world.assertMatchesTheReference(action);
        merged |= world.merges() > 0;
      }
      Statistics.label("merged profiles").collect(merged);
      // Merges must be well exercised, not hit a given share: about a third of 80 random runs
      // merge,
      // and a floor of 30 % failed now and then by chance (28.75 % with seed 7770418792013375477).
      Statistics.label("merged profiles").coverage(c -> c.check(true).percentage(p -> p >= 15));
    } finally {
      delete(dir);
    }
  }

  /** The stores, the log, the maps and the processor of one try. */
  static final class World implements AutoCloseable {
    final SettableClock clock = new SettableClock(START);
    final MemoryEventLog log = new MemoryEventLog();
    final TestMaps maps = new TestMaps();
    final SegmentStore segments;
    final ProfileStore profiles;
    SegmentProcessor processor;
    int sent;
    boolean variant;

    World(Path dir) {
      segments = SegmentStore.open(dir, clock);
      profiles = ProfileStore.open(dir, IdentityRules.defaults(), clock);
      maps.save(map(false));
      for (String doc : SEGMENTS) {
        assertThat(segments.save("segment", doc, Optional.empty()).problems()).isEmpty();
      }
      processor = newProcessor();
    }

    SegmentProcessor newProcessor() {
      return SegmentProcessor.create(segments, profiles, log, profiles::position, maps, clock);
    }

    void act(Action action) {
      switch (action) {
        case Send s -> log.append(List.of(event(s))).join();
        case Pass p -> clock.advance(Duration.ofSeconds(p.seconds()));
        case EditMap e -> {
          variant = !variant;
          maps.save(map(variant));
        }
        case ResaveSegment r -> segments.save("segment", TWICE_A_SHORTER, Optional.empty());
        case Erase e -> {
          Optional<ProfileId> id =
              profiles.resolve(new ProfileRef.ByIdentity(SENDERS.get(e.sender()).get(0)));
          if (id.isPresent()) {
            // As DELETE /api/profiles/{id} does: the person and everyone merged into them.
            Set<ProfileId> erased = new HashSet<>(Set.of(id.get()));
            profiles.profile(id.get()).orElseThrow().merges().stream()
                .map(MergeRecord::absorbed)
                .forEach(erased::add);
            profiles.delete(id.get(), log);
            if (e.crash()) {
              processor.close();
              processor = newProcessor();
            } else {
              segments.erase(erased);
            }
          }
        }
        case Restart r -> {
          processor.close();
          processor = newProcessor();
        }
      }
    }

    Event event(Send s) {
      List<Identity> ids = SENDERS.get(s.sender());
      Optional<String> user =
          ids.stream().filter(i -> i.type() == IdentityType.USER_ID).map(Identity::value).findAny();
      Optional<String> anon =
          ids.stream()
              .filter(i -> i.type() == IdentityType.ANONYMOUS_ID)
              .map(Identity::value)
              .findAny();
      Instant at = clock.instant().plusSeconds(s.offset());
      JsonValue.Obj traits =
          s.plan().isPresent()
              ? new JsonValue.Obj(Map.of("plan", new JsonValue.Str(s.plan().get())))
              : JsonValue.Obj.EMPTY;
      return new Event(
          "m-" + sent++,
          s.plan().isPresent() ? EventType.IDENTIFY : EventType.TRACK,
          s.plan().isPresent() ? Optional.empty() : Optional.of(s.name()),
          user,
          anon,
          Optional.empty(),
          Optional.empty(),
          JsonValue.Obj.EMPTY,
          traits,
          JsonValue.Obj.EMPTY,
          at,
          at,
          "web",
          "web");
    }

    void settle() {
      while (profiles.position() < log.end()) {
        profiles.apply(log.readPage(profiles.position(), 500));
      }
      processor.step();
      assertThat(processor.idle()).as("idle after a step").isTrue();
    }

    int merges() {
      return profiles.ids("", 1000).stream()
          .mapToInt(id -> profiles.profile(id).orElseThrow().merges().size())
          .sum();
    }

    void assertMatchesTheReference(Action after) {
      Instant now = clock.instant();
      SegmentEvaluator reference = new SegmentEvaluator(maps::model);
      List<ProfileId> held = profiles.ids("", 1000);
      for (ProfileId id : held) {
        ProfileRecord record = profiles.profile(id).orElseThrow();
        Map<String, JsonValue> values = new LinkedHashMap<>();
        for (TraitHistory t : record.traits()) {
          values.put(t.name(), t.current().value());
        }
        JsonValue.Obj traits = new JsonValue.Obj(values);
        List<Event> history =
            profiles.events(id).stream().map(e -> EventJson.read(e.json())).toList();
        for (Segment segment : segments.definitions()) {
          assertThat(segments.isMember(segment.id(), id))
              .as("%s in %s at %s after %s; history %s", id, segment.id(), now, after, history)
              .isEqualTo(reference.membership(segment.rule(), traits, history, now));
        }
      }
      Set<String> heldIds = new HashSet<>();
      held.forEach(id -> heldIds.add(id.value()));
      for (String table : List.of("memberships", "evidence", "checks")) {
        List<String> named =
            segments
                .db()
                .read(
                    c -> {
                      List<String> out = new ArrayList<>();
                      try (var s = c.prepareStatement("SELECT DISTINCT profile_id FROM " + table);
                          var r = s.executeQuery()) {
                        while (r.next()) {
                          out.add(r.getString(1));
                        }
                      }
                      return out;
                    });
        assertThat(heldIds).as("profiles named in %s after %s", table, after).containsAll(named);
      }
    }

    @Override
    public void close() {
      processor.close();
      profiles.close();
      segments.close();
      log.close();
    }
  }

  /** Maps in memory; every save is a new revision. */
  static final class TestMaps implements SegmentMaps {
    private final Map<String, Revised> maps = new LinkedHashMap<>();
    private int saves;

    void save(JourneyMap map) {
      maps.put(map.id(), new Revised("r" + ++saves, map));
    }

    Optional<JourneyMap> model(String id) {
      return Optional.ofNullable(maps.get(id)).map(Revised::map);
    }

    @Override
    public Optional<String> revision(String mapId) {
      return Optional.ofNullable(maps.get(mapId)).map(Revised::revision);
    }

    @Override
    public Optional<Revised> latest(String mapId) {
      return Optional.ofNullable(maps.get(mapId));
    }
  }

  /**
   * Map {@code m}: stage s1 (ta: A), s2 (tb: B, ta2: A, never first for an A), s3 (tc: C); the
   * variant swaps what s1 and s2 match and makes tc match D.
   */
  static JourneyMap map(boolean variant) {
    String yaml =
        """
        id: m
        name: M
        state: current
        personas:
          - id: p
            name: P
        stages:
          - id: s1
            name: S1
            touchpoints:
              - {id: ta, name: TA, channel: web, match: {event: %s}}
          - id: s2
            name: S2
            touchpoints:
              - {id: tb, name: TB, channel: web, match: {event: %s}}
              - {id: ta2, name: TA2, channel: web, match: {event: A}}
          - id: s3
            name: S3
            touchpoints:
              - {id: tc, name: TC, channel: web, match: {event: %s}}
        """
            .formatted(variant ? "B" : "A", variant ? "A" : "B", variant ? "D" : "C");
    var read = MapReader.read("m.yaml", yaml);
    assertThat(read.problems()).isEmpty();
    return read.map().orElseThrow();
  }

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Action> send =
        Combinators.combine(
                Arbitraries.frequency(
                    Tuple.of(3, 0),
                    Tuple.of(3, 1),
                    Tuple.of(3, 2),
                    Tuple.of(3, 3),
                    Tuple.of(1, 4),
                    Tuple.of(1, 5),
                    Tuple.of(1, 6)),
                Arbitraries.of("A", "B", "C", "D"),
                Arbitraries.integers().between(-30, 8),
                Arbitraries.of("pro", "free").optional(0.15))
            .as(Send::new);
    Arbitrary<Action> pass = Arbitraries.integers().between(1, 25).map(Pass::new);
    return Arbitraries.frequencyOf(
            Tuple.of(14, send),
            Tuple.of(5, pass),
            Tuple.of(1, Arbitraries.just(new EditMap())),
            Tuple.of(1, Arbitraries.just(new ResaveSegment())),
            Tuple.of(
                1,
                Combinators.combine(
                        Arbitraries.integers().between(0, SENDERS.size() - 1),
                        Arbitraries.of(false, true))
                    .as((i, crash) -> (Action) new Erase(i, crash))),
            Tuple.of(1, Arbitraries.just(new Restart())))
        .list()
        .ofMinSize(10)
        .ofMaxSize(40);
  }

  static Identity user(String id) {
    return new Identity(IdentityType.USER_ID, id);
  }

  static Identity anon(String id) {
    return new Identity(IdentityType.ANONYMOUS_ID, id);
  }

  static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
