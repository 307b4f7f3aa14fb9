package trailmap.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.profiles.TestEvents.identify;
import static trailmap.profiles.TestEvents.track;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;

/** A deletion waits for the processor, so no acknowledged event of the person stays behind. */
class ProfileDeletionTest {
  @TempDir Path dir;
  final MemoryEventLog log = new MemoryEventLog();
  final List<Set<ProfileId>> erased = new ArrayList<>();
  ProfileStore store;

  @BeforeEach
  void open() {
    store = ProfileStore.open(dir, IdentityRules.defaults(), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void waitsForTheProcessorAndErasesTheEventsThatArrivedJustBeforeTheRequest() {
    log.add(identify().user("u-1").anon("a-1").build());
    store.apply(log.read(0, 10));
    // Acknowledged before the DELETE, not yet on the profile: must go too.
    log.add(track("Viewed").anon("a-1").build(), track("Viewed").user("u-2").build());
    try (ProfileProcessor processor = ProfileProcessor.start(log, store, 10)) {
      ProfileDeletion deletion =
          new ProfileDeletion(
              store, log, () -> Optional.of(processor), Duration.ofSeconds(20), ids -> {});

      assertThat(deletion.delete(ProfileRef.parse("userId:u-1")))
          .isEqualTo(new ProfileDeletion.Outcome.Deleted(2));
      assertThat(log.isErased(0)).isTrue();
      assertThat(log.isErased(1)).isTrue();
      assertThat(log.isErased(2)).as("another person's event").isFalse();
      assertThat(deletion.delete(ProfileRef.parse("anonymousId:a-1")))
          .isEqualTo(new ProfileDeletion.Outcome.Unknown());
    }
  }

  @Test
  void deletesNothingAndSaysHowFarProfilesAreWhenTheProcessorDoesNotCatchUp() {
    log.add(identify().user("u-1").build());
    store.apply(log.read(0, 10));
    log.add(track("Viewed").user("u-1").build());
    // A processor that follows another, empty log never reaches position 2 of this one.
    MemoryEventLog elsewhere = new MemoryEventLog();
    try (ProfileProcessor stuck = ProfileProcessor.start(elsewhere, store, 10)) {
      ProfileDeletion deletion =
          new ProfileDeletion(
              store, log, () -> Optional.of(stuck), Duration.ofMillis(200), erased::add);

      assertThat(deletion.delete(ProfileRef.parse("userId:u-1")))
          .isEqualTo(new ProfileDeletion.Outcome.CatchingUp(1, 2));
      assertThat(store.resolve(ProfileRef.parse("userId:u-1"))).isPresent();
      assertThat(log.isErased(0)).isFalse();
      assertThat(erased).as("nobody is reported erased").isEmpty();
    }
  }

  @Test
  void tellsWhoWasErasedTheProfileAndEveryProfileMergedIntoIt() {
    log.add(
        track("Viewed").anon("a-1").build(),
        track("Viewed").anon("a-2").build(),
        identify().user("u-1").build(),
        identify().user("u-1").anon("a-1").build(),
        identify().user("u-1").anon("a-2").build());
    store.apply(log.read(0, 10));
    ProfileId survivor = store.resolve(ProfileRef.parse("userId:u-1")).orElseThrow();
    Set<ProfileId> merged = new HashSet<>();
    store.profile(survivor).orElseThrow().merges().forEach(m -> merged.add(m.absorbed()));
    assertThat(merged).hasSize(2);
    ProfileDeletion deletion =
        new ProfileDeletion(store, log, Optional::empty, Duration.ofSeconds(20), erased::add);

    assertThat(deletion.delete(ProfileRef.parse("anonymousId:a-2")))
        .isEqualTo(new ProfileDeletion.Outcome.Deleted(5));
    Set<ProfileId> expected = new HashSet<>(merged);
    expected.add(survivor);
    assertThat(erased).containsExactly(expected);
  }

  @Test
  void anUnknownReferenceIsUnknownWithoutWaiting() {
    ProfileDeletion deletion =
        new ProfileDeletion(store, log, Optional::empty, Duration.ofSeconds(20), erased::add);
    assertThat(deletion.delete(ProfileRef.parse("userId:nobody")))
        .isEqualTo(new ProfileDeletion.Outcome.Unknown());
    assertThat(erased).isEmpty();
  }
}
