package trailmap.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.events.JunkIdentities;
import trailmap.maps.EventType;

class IdentityResolverPropertiesTest {
  static final IdentityRules UNLIMITED =
      IdentityRules.defaults()
          .withMaxIdentitiesPerProfile(100_000)
          .withTrustedSources(Set.of("crm"));

  @Property(tries = 300)
  void theFinalGroupingDoesNotDependOnTheOrderOfEvents(
      @ForAll("events") List<Event> events, @ForAll long seed) {
    List<Event> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(replay(shuffled, UNLIMITED).partition())
        .isEqualTo(replay(events, UNLIMITED).partition());
  }

  @Property(tries = 300)
  void junkValuesNeverBecomeIdentities(@ForAll("events") List<Event> events) {
    SimulatedProfiles profiles = replay(events, UNLIMITED);
    assertThat(profiles.holder.keySet()).noneMatch(i -> JunkIdentities.isJunk(i.value()));
  }

  @Property(tries = 300)
  void everyIdentityEndsInExactlyOneProfile(@ForAll("events") List<Event> events) {
    SimulatedProfiles profiles = replay(events, UNLIMITED);
    List<Identity> held = new ArrayList<>();
    profiles.members.values().forEach(held::addAll);
    assertThat(held).doesNotHaveDuplicates();
    assertThat(new HashSet<>(held)).isEqualTo(seen(events, UNLIMITED));
  }

  @Property(tries = 300)
  void whenTheLimitBitesIdentitiesAreRefusedNeverShared(@ForAll("events") List<Event> events) {
    IdentityRules tight = UNLIMITED.withMaxIdentitiesPerProfile(6);
    SimulatedProfiles profiles = replay(events, tight);
    List<Identity> held = new ArrayList<>();
    profiles.members.values().forEach(held::addAll);
    assertThat(held).doesNotHaveDuplicates();
    Set<Identity> missing = seen(events, tight);
    missing.removeAll(held);
    Set<Identity> refused = new HashSet<>();
    profiles.refusals.forEach(r -> refused.addAll(r.notAdded()));
    assertThat(refused).containsAll(missing);
    profiles.members.forEach(
        (profile, members) -> {
          assertThat(members).hasSizeLessThanOrEqualTo(6);
          members.forEach(i -> assertThat(profiles.holder.get(i)).isEqualTo(profile));
        });
  }

  static Set<Identity> seen(List<Event> events, IdentityRules rules) {
    Set<Identity> seen = new HashSet<>();
    events.forEach(e -> seen.addAll(EventIdentities.of(e, rules)));
    return seen;
  }

  static SimulatedProfiles replay(List<Event> events, IdentityRules rules) {
    SimulatedProfiles profiles = new SimulatedProfiles(rules);
    events.forEach(e -> profiles.apply(EventIdentities.of(e, rules)));
    return profiles;
  }

  @Provide
  Arbitrary<List<Event>> events() {
    Arbitrary<String> ids =
        Arbitraries.oneOf(
            Arbitraries.of("u1", "u2", "u3", "a1", "a2", "a3", "a4", "x9"),
            Arbitraries.of("null", "0", "anonymous", " ", "00000", "undefined"));
    Arbitrary<Optional<String>> maybe = ids.optional(0.6);
    Arbitrary<Optional<String>> email =
        Arbitraries.of("ann@example.com", "bo@example.com", "test").optional(0.3);
    Arbitrary<EventType> type =
        Arbitraries.of(EventType.IDENTIFY, EventType.TRACK, EventType.ALIAS);
    Arbitrary<String> source = Arbitraries.of("crm", "web");
    return Combinators.combine(ids, maybe, maybe, type, email, source)
        .as(IdentityResolverPropertiesTest::event)
        .list()
        .ofMaxSize(25);
  }

  static Event event(
      String userId,
      Optional<String> anonymousId,
      Optional<String> previousId,
      EventType type,
      Optional<String> email,
      String source) {
    JsonValue.Obj traits =
        email
            .map(e -> new JsonValue.Obj(java.util.Map.of("email", new JsonValue.Str(e))))
            .orElse(JsonValue.Obj.EMPTY);
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    return new Event(
        "m-" + System.identityHashCode(traits) + userId,
        type,
        Optional.empty(),
        Optional.of(userId),
        anonymousId,
        type == EventType.ALIAS ? previousId : Optional.empty(),
        Optional.empty(),
        JsonValue.Obj.EMPTY,
        traits,
        JsonValue.Obj.EMPTY,
        at,
        at,
        "web",
        source);
  }
}
