package trailmap.segments.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.flows.runtime.SettableClock;
import trailmap.profiles.ProfileId;
import trailmap.store.Database;

/**
 * segments.db's {@code changes}: kept 400 days (pruned, a bounded batch at a time, as changes are
 * recorded) and forgotten for an erased person, both through an index.
 */
class SegmentChangeHistoryTest {
  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  static final Duration KEPT = Duration.ofDays(400);

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(T0);

  @Test
  void recordingAChangePrunesTheChangesOlderThan400Days() {
    try (SegmentStore segments = open()) {
      add(segments, "p-old");
      clock.advance(Duration.ofDays(1));
      add(segments, "p-kept");
      clock.set(T0.plus(KEPT).plusMillis(1));

      add(segments, "p-new");

      assertThat(profilesOf(segments.changesAfter(0, 100))).containsExactly("p-kept", "p-new");
      assertThat(SegmentStore.CHANGE_HISTORY).isEqualTo(KEPT);
    }
  }

  @Test
  void aChangeAtExactlyTheHorizonIsKept() {
    try (SegmentStore segments = open()) {
      add(segments, "p-edge");
      clock.set(T0.plus(KEPT));

      add(segments, "p-new");

      assertThat(profilesOf(segments.changesAfter(0, 100))).containsExactly("p-edge", "p-new");
    }
  }

  @Test
  void aBacklogOfOldChangesDrainsAHundredRowsPerRecordedChange() {
    try (SegmentStore segments = open()) {
      segments
          .db()
          .transaction(
              c -> {
                for (int i = 0; i < 150; i++) {
                  SegmentStore.update(
                      c,
                      "INSERT INTO changes (segment_id, profile_id, entered, at, cause)"
                          + " VALUES ('vip', ?, 1, ?, 'rule')",
                      "p-old-" + i,
                      T0.toEpochMilli());
                }
                return null;
              });
      clock.set(T0.plus(KEPT).plus(Duration.ofDays(30)));

      add(segments, "p-new");
      assertThat(segments.changesAfter(0, 1000)).as("one change prunes 100 old rows").hasSize(51);

      add(segments, "p-newer");
      assertThat(profilesOf(segments.changesAfter(0, 1000)))
          .as("the next change prunes the rest")
          .containsExactly("p-new", "p-newer");
    }
  }

  @Test
  void anErasureDeletesThePersonsChangesAndKeepsEveryoneElses() {
    try (SegmentStore segments = open()) {
      add(segments, "p-ann");
      add(segments, "p-bob");
      segments.setManual("vip", new ProfileId("p-ann"), false, "flow:cleanup");

      segments.erase(Set.of(new ProfileId("p-ann")));

      assertThat(profilesOf(segments.changesAfter(0, 100))).containsExactly("p-bob");
    }
  }

  @Test
  void theErasureAndThePruneFindTheirRowsThroughIndexes() {
    try (SegmentStore segments = open()) {
      assertThat(plan(segments, "DELETE FROM changes WHERE profile_id = 'p-ann'"))
          .contains("USING INDEX changes_by_profile");
      assertThat(
              plan(
                  segments,
                  "DELETE FROM changes WHERE seq IN (SELECT seq FROM changes"
                      + " WHERE at < 1 ORDER BY at LIMIT 100)"))
          .contains("INDEX changes_by_time");
    }
  }

  @Test
  void aSegmentsDbOfTheReleasedStepsGetsTheIndexesAndKeepsItsChanges() {
    List<List<String>> released = SegmentSchema.STEPS.subList(0, SegmentSchema.STEPS.size() - 1);
    try (Database old =
        Database.open(dir.resolve("segments.db"), released, Database.Synchronous.FULL)) {
      old.transaction(
          c ->
              SegmentStore.update(
                  c,
                  "INSERT INTO changes (segment_id, profile_id, entered, at, cause)"
                      + " VALUES ('vip', 'p-ann', 1, ?, 'rule')",
                  T0.toEpochMilli()));
    }

    try (SegmentStore segments = open()) {
      assertThat(profilesOf(segments.changesAfter(0, 100))).containsExactly("p-ann");
      assertThat(plan(segments, "DELETE FROM changes WHERE profile_id = 'p-ann'"))
          .contains("changes_by_profile");
    }
  }

  private SegmentStore open() {
    SegmentStore segments = SegmentStore.open(dir, clock);
    assertThat(
            segments
                .save(
                    "vip.yaml",
                    "id: vip\nname: VIPs\nrule:\n  traits: {plan: vip}\n",
                    Optional.empty())
                .problems())
        .isEmpty();
    return segments;
  }

  /** A flow's addToSegment: one recorded entry at the clock's time. */
  private static void add(SegmentStore segments, String profile) {
    assertThat(segments.setManual("vip", new ProfileId(profile), true, "flow:welcome")).isTrue();
  }

  private static List<String> profilesOf(List<MembershipChange> changes) {
    return changes.stream().map(c -> c.profile().value()).toList();
  }

  private static String plan(SegmentStore segments, String sql) {
    return segments
        .db()
        .read(
            c -> {
              List<String> details = new ArrayList<>();
              try (PreparedStatement s = c.prepareStatement("EXPLAIN QUERY PLAN " + sql);
                  ResultSet r = s.executeQuery()) {
                while (r.next()) {
                  details.add(r.getString(4));
                }
              }
              return String.join("; ", details);
            });
  }
}
