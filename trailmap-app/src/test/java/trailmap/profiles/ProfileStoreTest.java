package trailmap.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trailmap.profiles.TestEvents.alias;
import static trailmap.profiles.TestEvents.identify;
import static trailmap.profiles.TestEvents.track;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.EventLog;
import trailmap.eventlog.MemoryEventLog;
import trailmap.events.Event;
import trailmap.events.JsonValue;

class ProfileStoreTest {
  static final IdentityRules RULES =
      IdentityRules.defaults().withTrustedSources(Set.of("crm-source"));

  @TempDir Path dir;
  final MemoryEventLog log = new MemoryEventLog();
  ProfileStore store;
  IdentityRules rules = RULES;
  List<LimitRefusal> refusals = List.of();

  ProfileStore store() {
    if (store == null) {
      store =
          ProfileStore.open(
              dir, rules, Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC));
    }
    return store;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  void feed(TestEvents... events) {
    for (TestEvents e : events) {
      log.add(e.build());
    }
    refusals = store().apply(log.read(store().position(), 10_000));
  }

  ProfileId of(String ref) {
    return store().resolve(ProfileRef.parse(ref)).orElseThrow(() -> new AssertionError(ref));
  }

  ProfileRecord profile(String ref) {
    return store().profile(of(ref)).orElseThrow();
  }

  @Test
  void keepsItsOwnDatabaseFileInTheDataDirectory() {
    assertThat(store().file()).isEqualTo(dir.resolve("profiles.db").toAbsolutePath());
    assertThat(store().position()).isZero();
  }

  @Test
  void stitchesAnAnonymousVisitorToTheUserWhoIdentifies() {
    feed(
        track("Viewed").anon("a-1").minutes(0),
        identify().user("u-1").anon("a-1").minutes(1),
        track("Bought").user("u-1").minutes(2));
    assertThat(of("anonymousId:a-1")).isEqualTo(of("userId:u-1"));
    assertThat(store().events(of("userId:u-1"))).hasSize(3);
    assertThat(profile("userId:u-1").identities())
        .extracting(h -> h.identity().toString())
        .containsExactly("userId:u-1", "anonymousId:a-1");
  }

  @Test
  void anAliasMergesTwoProfilesAndRecordsWhy() {
    feed(track("Viewed").user("old-7"), track("Viewed").user("new-9").anon("a-9"));
    ProfileId before = of("userId:old-7");
    assertThat(before).isNotEqualTo(of("userId:new-9"));
    Event aliasEvent = alias("new-9", "old-7").id("the-alias").build();
    log.add(aliasEvent);
    store().apply(log.read(store().position(), 10));
    ProfileRecord merged = profile("userId:old-7");
    assertThat(merged.id()).isEqualTo(of("userId:new-9"));
    assertThat(merged.merges()).hasSize(1);
    MergeRecord why = merged.merges().getFirst();
    assertThat(why.messageId()).isEqualTo("the-alias");
    assertThat(why.identities())
        .extracting(Identity::toString)
        .contains("userId:old-7", "userId:new-9");
    assertThat(store().events(merged.id())).hasSize(3);
    assertThat(store().resolve(ProfileRef.parse(why.absorbed().value()))).contains(merged.id());
  }

  @Test
  void anEmailLinksProfilesOnlyWhenItsSourceIsTrusted() {
    feed(
        identify().user("u-1").trait("email", "ann@example.com").source("crm-source"),
        identify().user("u-2").trait("email", "ann@example.com").source("web-source"));
    assertThat(of("userId:u-1")).isNotEqualTo(of("userId:u-2"));
    assertThat(of("email:Ann@Example.com")).isEqualTo(of("userId:u-1"));
    feed(identify().user("u-3").trait("email", "ANN@example.com").source("crm-source"));
    assertThat(of("userId:u-3")).isEqualTo(of("userId:u-1"));
    assertThat(of("userId:u-2")).isNotEqualTo(of("userId:u-1"));
  }

  @Test
  void aPhoneFromATrustedSourceLinksButAJunkPhoneDoesNot() {
    feed(
        identify().user("u-1").trait("phone", "+44 20 7946 0000").source("crm-source"),
        identify().user("u-2").trait("phone", "+44 20 7946 0000").source("crm-source"),
        identify().user("u-3").trait("phone", "0000000").source("crm-source"),
        identify().user("u-4").trait("phone", "0000000").source("crm-source"));
    assertThat(of("userId:u-2")).isEqualTo(of("userId:u-1"));
    assertThat(of("phone:+44 20 7946 0000")).isEqualTo(of("userId:u-1"));
    assertThat(of("userId:u-3")).isNotEqualTo(of("userId:u-4"));
    assertThat(store().resolve(ProfileRef.parse("phone:0000000"))).isEmpty();
  }

  @Test
  void junkIdentityValuesLinkNothing() {
    feed(
        track("Viewed").user("null").anon("a-1"),
        track("Viewed").user("null").anon("a-2"),
        track("Viewed").user("0").anon("00000000"));
    assertThat(of("anonymousId:a-1")).isNotEqualTo(of("anonymousId:a-2"));
    assertThat(store().resolve(ProfileRef.parse("userId:null"))).isEmpty();
    assertThat(store().rowsMentioning("identities", "null")).isZero();
    assertThat(store().rowsMentioning("events", "\"userId\":\"0\"")).isEqualTo(1);
  }

  @Test
  void theIdentityLimitRefusesARunawayMergeAndSaysWhy() {
    rules = RULES.withMaxIdentitiesPerProfile(6);
    for (int i = 0; i < 5; i++) {
      feed(track("Viewed").user("shared").anon("a-" + i));
    }
    feed(track("Viewed").user("other").anon("b-0"), track("Viewed").user("other").anon("b-1"));
    assertThat(profile("userId:shared").identities()).hasSize(6);
    feed(track("Viewed").user("shared").anon("b-0").id("runaway"));
    assertThat(of("userId:other")).isNotEqualTo(of("userId:shared"));
    assertThat(refusals).hasSize(1);
    assertThat(refusals.getFirst().message())
        .contains("merge [" + of("userId:other") + "] into profile " + of("userId:shared"))
        .contains("9 identities, over the limit of 6 (maxIdentitiesPerProfile)");
    assertThat(of("anonymousId:b-0")).isEqualTo(of("userId:other"));
    assertThat(store().events(of("userId:shared")))
        .extracting(StoredEvent::messageId)
        .contains("runaway");
  }

  @Test
  void traitsMergeLastWriteWinsByEventTimeAndKeepTheirHistory() {
    feed(
        identify().user("u-1").trait("plan", "pro").minutes(10),
        identify().user("u-1").trait("plan", "free").minutes(0),
        identify().user("u-1").trait("plan", "team").minutes(5),
        identify().user("u-1").trait("city", "Leeds").minutes(5),
        identify().user("u-1").trait("city", "York").minutes(5));
    List<TraitHistory> traits = profile("userId:u-1").traits();
    assertThat(traits).extracting(TraitHistory::name).containsExactly("city", "plan");
    TraitHistory plan = traits.get(1);
    assertThat(plan.current().value()).isEqualTo(new JsonValue.Str("pro"));
    assertThat(plan.history())
        .extracting(o -> ((JsonValue.Str) o.value()).value())
        .containsExactly("free", "team", "pro");
    assertThat(traits.get(0).current().value())
        .as("equal times: the later log position wins")
        .isEqualTo(new JsonValue.Str("York"));
  }

  @Test
  void theCurrentProfileHoldsWhatTheFullRecordCallsCurrentWithoutHistories() {
    feed(
        identify().user("u-1").trait("plan", "pro").minutes(10),
        identify().user("u-1").trait("plan", "free").minutes(0),
        identify().user("u-1").trait("city", "Leeds").minutes(5),
        identify().user("u-1").trait("city", "York").minutes(5),
        identify().anon("a-1").trait("seats", "3").minutes(20),
        track("Viewed").anon("a-1").minutes(21),
        track("Bought").user("u-1").minutes(22),
        identify().user("u-1").anon("a-1").minutes(30));
    ProfileId id = of("userId:u-1");
    ProfileRecord full = profile("userId:u-1");

    CurrentProfile now = store().current(id, Set.of("Bought"), Instant.EPOCH).orElseThrow();

    assertThat(now.id()).isEqualTo(id);
    java.util.Map<String, JsonValue> fromRecord = new java.util.LinkedHashMap<>();
    full.traits().forEach(t -> fromRecord.put(t.name(), t.current().value()));
    assertThat(now.traits()).containsExactlyEntriesOf(fromRecord);
    assertThat(now.traits().get("city")).isEqualTo(new JsonValue.Str("York"));
    assertThat(now.identities())
        .containsExactlyElementsOf(full.identities().stream().map(HeldIdentity::identity).toList());
    assertThat(now.events()).extracting(StoredEvent::name).containsExactly("Bought");
  }

  @Test
  void theCurrentProfileOfAnAbsorbedIdIsItsHoldersAndOfAnUnknownIdIsEmpty() {
    feed(identify().anon("a-1").trait("plan", "pro").minutes(0));
    ProfileId absorbed = of("anonymousId:a-1");
    feed(identify().user("u-1").minutes(1), identify().user("u-1").anon("a-1").minutes(2));
    ProfileId holder = of("userId:u-1");

    assertThat(store().current(absorbed, Set.of(), Instant.EPOCH))
        .hasValueSatisfying(
            p -> {
              assertThat(p.id()).isEqualTo(holder);
              assertThat(p.traits()).containsEntry("plan", new JsonValue.Str("pro"));
            });
    assertThat(store().current(new ProfileId("p_nobody"), Set.of(), Instant.EPOCH)).isEmpty();
  }

  @Test
  void manyCurrentProfilesReadTogetherAreWhatEachReadAloneGives() {
    feed(
        identify().anon("a-1").trait("plan", "pro").minutes(0),
        identify().user("u-2").trait("city", "York").minutes(1),
        track("Bought").user("u-2").minutes(2),
        identify().user("u-1").minutes(3),
        identify().user("u-1").anon("a-1").minutes(4));
    ProfileId absorbed = of("anonymousId:a-1");
    ProfileId other = of("userId:u-2");
    ProfileId nobody = new ProfileId("p_nobody");

    Map<ProfileId, Optional<CurrentProfile>> together =
        store().current(List.of(absorbed, other, nobody, other), Set.of("Bought"), Instant.EPOCH);

    assertThat(together).containsOnlyKeys(absorbed, other, nobody);
    for (ProfileId id : together.keySet()) {
      assertThat(together.get(id))
          .as(id.value())
          .isEqualTo(store().current(id, Set.of("Bought"), Instant.EPOCH));
    }
    assertThat(together.get(absorbed)).map(CurrentProfile::id).contains(of("userId:u-1"));
    assertThat(together.get(other).orElseThrow().events())
        .extracting(StoredEvent::name)
        .containsExactly("Bought");
    assertThat(together.get(nobody)).isEmpty();
  }

  @Test
  void aMergeCombinesTraitHistoriesAndKeepsTheLatestValue() {
    feed(
        identify().user("u-1").trait("plan", "pro").minutes(10),
        identify().anon("a-1").trait("plan", "free").minutes(20),
        identify().user("u-1").anon("a-1").minutes(30));
    TraitHistory plan = profile("userId:u-1").traits().getFirst();
    assertThat(plan.current().value()).isEqualTo(new JsonValue.Str("free"));
    assertThat(plan.history()).hasSize(2);
  }

  @Test
  void refusesABatchThatDoesNotStartAtThePositionSoNothingIsAppliedTwice() {
    feed(track("Viewed").user("u-1"), track("Viewed").user("u-1"));
    List<EventLog.LogEntry> again = log.read(0, 2);
    assertThatThrownBy(() -> store().apply(again))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("log entry at position 0 does not follow the applied position 2");
    assertThat(store().events(of("userId:u-1"))).hasSize(2);
    assertThat(store().position()).isEqualTo(2);
  }

  @Test
  void deletingAPersonRemovesEverythingButTheFactOfTheDeletion() {
    feed(
        track("Viewed").anon("a-1"),
        identify().user("u-1").anon("a-1").trait("name", "Ann Example"),
        track("Viewed").user("u-2"),
        alias("u-1", "u-2"));
    ProfileId id = of("userId:u-1");
    assertThat(store().delete(id, log)).hasValue(4);
    for (long p = 0; p < 4; p++) {
      assertThat(log.isErased(p)).as("position %d erased from the log", p).isTrue();
    }
    for (String table : List.of("profiles", "identities", "merges", "traits", "events")) {
      for (String text : List.of(id.value(), "u-1", "u-2", "a-1", "Ann Example")) {
        assertThat(store().rowsMentioning(table, text)).as(table + " " + text).isZero();
      }
    }
    assertThat(store().rowsMentioning("deletions", ProfileStore.sha256(id.value()))).isEqualTo(1);
    assertThat(store().rowsMentioning("deletions", "2026-04-01T00:00:00Z")).isEqualTo(1);
    assertThat(store().resolve(ProfileRef.parse("userId:u-1"))).isEmpty();
    assertThat(store().resolve(new ProfileRef.ById(id))).isEmpty();
    assertThat(store().delete(id, log)).isEmpty();
  }

  @Test
  void appliesAPageThatSkipsErasedPositionsAndMovesToItsNext() {
    log.add(track("Viewed").user("u-1").build(), track("Viewed").user("u-2").build());
    log.add(track("Viewed").user("u-3").build(), track("Viewed").user("u-4").build());
    log.erase(Set.of(0L, 3L)).join();

    store().apply(log.readPage(0, 10));

    assertThat(store().position()).isEqualTo(4);
    assertThat(store().resolve(ProfileRef.parse("userId:u-1"))).isEmpty();
    assertThat(store().resolve(ProfileRef.parse("userId:u-4"))).isEmpty();
    assertThat(of("userId:u-2")).isNotEqualTo(of("userId:u-3"));
    assertThatThrownBy(() -> store().apply(new EventLog.Page(log.read(1, 1), 2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not follow the applied position 4");
  }

  @Test
  void anEventWithOnlyJunkIdentitiesStillLandsOnAProfileOfItsOwn() {
    feed(track("Viewed").user("undefined").id("junk-only"));
    assertThat(store().rowsMentioning("events", "junk-only")).isEqualTo(1);
    assertThat(store().rowsMentioning("identities", "undefined")).isZero();
  }
}
