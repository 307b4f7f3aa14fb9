package trailmap.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.profiles.TestEvents.identify;
import static trailmap.profiles.TestEvents.track;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;

/**
 * A deletion removes the person's values from profiles.db's files, including copies left in free
 * space by writes before it: {@code secure_delete} is on for the whole connection, not only from
 * the first deletion on.
 */
class ProfileFileBytesTest {
  @TempDir Path dir;
  final MemoryEventLog log = new MemoryEventLog();

  @Test
  void aDeletionLeavesNoCopyOfValuesTheirRowsHadBeforeTheyWereRewritten() throws IOException {
    String note = "ann-note-" + "x".repeat(5000);
    try (ProfileStore store = ProfileStore.open(dir, IdentityRules.defaults(), Clock.systemUTC())) {
      log.add(track("Viewed").anon("anon-ann").build());
      log.add(
          identify()
              .anon("anon-ann")
              .trait("note", note)
              .trait("email", "ann@example.com")
              .build());
      for (int i = 0; i < 300; i++) {
        log.add(identify().user("u-" + i).trait("email", "person" + i + "@example.com").build());
      }
      // Signing up merges her anonymous profile: its traits, identities and events are rewritten.
      log.add(identify().user("u-ann").anon("anon-ann").build());
      store.apply(log.read(store.position(), 10_000));
      assertThat(bytes()).contains("ann-note-", "ann@example.com");

      store.delete(store.resolve(ProfileRef.parse("userId:u-ann")).orElseThrow(), log);
    }

    assertThat(bytes())
        .as("profiles.db's files after the deletion")
        .doesNotContain("ann-note-", "ann@example.com", "anon-ann")
        .contains("person299@example.com");
  }

  /** Every profiles.db file (the database, its WAL and shared memory) as one string. */
  private String bytes() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files.filter(f -> f.getFileName().toString().startsWith("profiles.db")).toList()) {
        all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }
}
