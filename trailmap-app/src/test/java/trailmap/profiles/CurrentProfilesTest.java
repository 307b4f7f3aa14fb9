package trailmap.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.profiles.TestEvents.identify;
import static trailmap.profiles.TestEvents.track;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.events.JsonValue;

/**
 * The current profiles of many ids read together ({@link ProfileStore#current(java.util.Collection,
 * Set, Instant)}, in chunks of {@link CurrentProfiles#CHUNK}) are what the full records and the
 * event reads say, profile by profile, for random histories: traits observed out of time order,
 * merges, events on both sides of the horizon.
 */
class CurrentProfilesTest {
  private static final List<String> NAMES = List.of("Bought", "Viewed", "Onboarding Completed");

  @TempDir Path dir;
  final MemoryEventLog log = new MemoryEventLog();
  ProfileStore store;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void manyProfilesReadTogetherAreWhatTheirRecordsAndEventsSay() {
    store =
        ProfileStore.open(
            dir,
            ProfileStoreTest.RULES,
            Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC));
    Random random = new Random(18);
    int users = CurrentProfiles.CHUNK * 2 + 137; // three chunks, the last one short
    for (int u = 0; u < users; u++) {
      String user = "u-" + u;
      // Observed at random minutes, fed in log order: the current value is the latest by time.
      for (int i = 0; i < 1 + random.nextInt(4); i++) {
        log.add(
            identify()
                .user(user)
                .trait("plan", List.of("free", "pro", "team").get(random.nextInt(3)))
                .trait("city", "c" + random.nextInt(5))
                .minutes(random.nextInt(60))
                .build());
      }
      if (random.nextInt(3) == 0) {
        log.add(
            identify().anon("a-" + u).trait("seats", "" + random.nextInt(9)).minutes(1).build());
        log.add(identify().user(user).anon("a-" + u).minutes(61).build());
      }
      for (int i = 0; i < random.nextInt(4); i++) {
        log.add(
            track(NAMES.get(random.nextInt(NAMES.size())))
                .user(user)
                .minutes(random.nextInt(60))
                .build());
      }
    }
    while (store.position() < log.end()) {
      store.apply(log.read(store.position(), 5_000));
    }
    List<ProfileId> asked = new ArrayList<>();
    List<ProfileId> absorbed = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      ProfileId holder = resolve("userId:u-" + u);
      asked.add(holder);
      // An anonymous visitor's own id, merged since: it reads as the user's profile.
      store.profile(holder).orElseThrow().merges().forEach(m -> absorbed.add(m.absorbed()));
    }
    asked.addAll(absorbed);
    asked.add(asked.getFirst()); // asked twice, read once
    asked.add(new ProfileId("p_nobody"));
    Collections.shuffle(asked, random);
    Set<String> names = Set.of("Bought", "Onboarding Completed");
    Instant since = TestEvents.T0.plusSeconds(30 * 60);

    Map<ProfileId, Optional<CurrentProfile>> together = store.current(asked, names, since);

    assertThat(together).containsOnlyKeys(Set.copyOf(asked));
    assertThat(together.get(new ProfileId("p_nobody"))).isEmpty();
    int withEvents = 0;
    for (ProfileId id : asked) {
      if (id.value().equals("p_nobody")) {
        continue;
      }
      ProfileId holder = store.resolve(new ProfileRef.ById(id)).orElseThrow();
      ProfileRecord full = store.profile(holder).orElseThrow();
      CurrentProfile now = together.get(id).orElseThrow(() -> new AssertionError(id.value()));
      Map<String, JsonValue> traits = new LinkedHashMap<>();
      full.traits().forEach(t -> traits.put(t.name(), t.current().value()));
      assertThat(now.id()).as(id.value()).isEqualTo(holder);
      assertThat(now.traits()).as(id.value()).containsExactlyEntriesOf(traits);
      assertThat(now.identities())
          .as(id.value())
          .containsExactlyElementsOf(
              full.identities().stream().map(HeldIdentity::identity).toList());
      assertThat(now.events()).as(id.value()).isEqualTo(store.events(holder, names, since));
      withEvents += now.events().isEmpty() ? 0 : 1;
    }
    assertThat(absorbed).as("some anonymous profiles were merged").isNotEmpty();
    assertThat(withEvents).as("some profiles have events after the horizon").isGreaterThan(100);
  }

  private ProfileId resolve(String ref) {
    return store.resolve(ProfileRef.parse(ref)).orElseThrow(() -> new AssertionError(ref));
  }
}
