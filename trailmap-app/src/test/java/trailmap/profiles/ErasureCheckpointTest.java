package trailmap.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.profiles.TestEvents.identify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;

/**
 * An erasure whose profiles.db checkpoint is held back (another connection reads the WAL past the
 * busy timeout, as an analytics query does) is unfinished, not finished: it stays pending, and the
 * retry that answers "finished" has emptied the WAL of the person's values.
 */
class ErasureCheckpointTest {
  @TempDir Path dir;

  @Test
  void aHeldBackCheckpointLeavesTheErasurePendingUntilARetryEmptiesTheWal() throws Exception {
    MemoryEventLog log = new MemoryEventLog();
    List<Set<ProfileId>> erased = new ArrayList<>();
    try (ProfileStore store = ProfileStore.open(dir, IdentityRules.defaults(), Clock.systemUTC())) {
      log.add(identify().user("erase-me-u1").build());
      store.apply(log.read(0, 10));
      ProfileDeletion deletion =
          new ProfileDeletion(store, log, Optional::empty, Duration.ofSeconds(20), erased::add);
      try (Connection reader =
          DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("profiles.db"))) {
        reader.setAutoCommit(false);
        try (Statement s = reader.createStatement();
            var rows = s.executeQuery("SELECT count(*) FROM profiles")) {
          assertThat(rows.next()).isTrue(); // a snapshot from before the deletion
        }
        assertThat(deletion.delete(ProfileRef.parse("userId:erase-me-u1")))
            .isEqualTo(new ProfileDeletion.Outcome.Unfinished());
        assertThat(store.pendingErasures()).as("still pending").hasSize(1);
        reader.commit();
      }
      assertThat(deletion.delete(ProfileRef.parse("userId:erase-me-u1")))
          .isEqualTo(new ProfileDeletion.Outcome.Finished());
      assertThat(store.pendingErasures()).isEmpty();
      assertThat(erased).as("the other stores were told on both requests").hasSize(2);
      for (String file : List.of("profiles.db", "profiles.db-wal")) {
        Path path = dir.resolve(file);
        String bytes =
            Files.exists(path)
                ? new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1)
                : "";
        assertThat(bytes).as(file).doesNotContain("erase-me-u1");
      }
    }
  }
}
