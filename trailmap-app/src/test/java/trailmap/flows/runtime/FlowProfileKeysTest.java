package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.flows.engine.FlowState;
import trailmap.profiles.ProfileId;
import trailmap.store.Database;

/**
 * The step that keys flow states, send history and timeline by a profile's number in flows.db
 * ({@link FlowProfiles}): an older file keeps every row, numbered in the order people first showed
 * up; the readers find a profile's rows through its number without scanning; new profiles are
 * numbered as they are first written; and an erasure removes the number with the rows.
 */
class FlowProfileKeysTest {
  @TempDir Path dir;

  @Test
  void anOlderFileKeepsItsRowsAndNumbersProfilesInTheOrderTheyFirstShowedUp() throws Exception {
    Path file = dir.resolve("flows.db");
    int keyed = FlowSchemaUpgradeTest.stepCreating("flow_profiles");
    FlowState p1 = waiting("p1", 100);
    try (Database before =
        Database.open(file, FlowSchema.STEPS.subList(0, keyed), Database.Synchronous.FULL)) {
      before.transaction(
          c -> {
            Sql.update(
                c,
                "INSERT INTO flows (id, name, status, current_version, created_at, updated_at)"
                    + " VALUES ('welcome', 'Welcome', 'PUBLISHED', 1, 0, 0)");
            // Timeline lines: p2 first, then p1 twice.
            for (String who : List.of("p2", "p1", "p1")) {
              Sql.update(
                  c,
                  "INSERT INTO activity (profile_id, at, flow_id, version, step, kind, outcome,"
                      + " reason, outbox_id) VALUES (?, 1, 'welcome', 1, NULL, 'entered',"
                      + " 'entered', 'trigger', NULL)",
                  who);
            }
            // p1 waits; p3 has a state and no timeline line, p4 only a sent message.
            Sql.update(
                c,
                "INSERT INTO flow_state (flow_id, profile_id, version, step, entered_at, entries,"
                    + " variant, outcome, state, due_at) VALUES ('welcome', 'p1', 1, 'wait', 5, 1,"
                    + " NULL, NULL, ?, 100), ('welcome', 'p3', 1, 'wait', 6, 1, NULL, NULL, ?, 200)",
                StateCodec.write(p1),
                StateCodec.write(waiting("p3", 200)));
            Sql.update(
                c,
                "INSERT INTO send_history (profile_id, sent_at, outbox_id, channel, flow_id)"
                    + " VALUES ('p1', 10, 'o1', 'email', 'welcome'),"
                    + " ('p4', 20, 'o4', 'sms', 'welcome')");
            // p5 only has a message queued, at rowid 7 (the prune's cursor counts rowids).
            Sql.update(
                c,
                "INSERT INTO outbox (rowid, id, flow_id, version, profile_id, step, channel,"
                    + " payload, status, attempts, next_attempt_at, created_at)"
                    + " VALUES (7, 'o5', 'welcome', 1, 'p5', 'hello', 'email', '{}', 'pending', 0,"
                    + " 30, 30)");
            // p_gone's timeline line (seq 4), the newest, erased before the upgrade: its number is
            // not given again.
            Sql.update(
                c,
                "INSERT INTO activity (profile_id, at, flow_id, version, step, kind, outcome,"
                    + " reason, outbox_id) VALUES ('p_gone', 1, 'welcome', 1, NULL, 'entered',"
                    + " 'entered', 'trigger', NULL)");
            Sql.update(c, "DELETE FROM activity WHERE profile_id = 'p_gone'");
            return null;
          });
    }

    try (Database after = Database.open(file, FlowSchema.STEPS, Database.Synchronous.FULL)) {
      after.read(
          c -> {
            assertThat(
                    Sql.list(
                        c,
                        "SELECT profile_id FROM flow_profiles ORDER BY profile_key",
                        r -> r.getString(1)))
                .containsExactly("p2", "p1", "p3", "p4", "p5");
            assertThat(FlowStates.of(c, new ProfileId("p1")))
                .containsExactly(Map.entry("welcome", p1));
            assertThat(FlowStates.due(c, 1_000, 10))
                .containsExactly(
                    new FlowStates.Due("welcome", new ProfileId("p1"), 100),
                    new FlowStates.Due("welcome", new ProfileId("p3"), 200));
            assertThat(history(c, "p1")).containsExactly("o1/email/10");
            assertThat(history(c, "p4")).containsExactly("o4/sms/20");
            assertThat(timeline(c, "p1")).containsExactly(3L, 2L);
            assertThat(
                    Sql.list(
                        c,
                        "SELECT rowid, id FROM outbox WHERE profile_key = " + FlowProfiles.KEY,
                        r -> r.getLong(1) + "/" + r.getString(2),
                        "p5"))
                .containsExactly("7/o5");
            assertThat(Outbox.due(c, 100, 10)).extracting(OutboxMessage::id).containsExactly("o5");
            // The statistics' counts are those of the same rows.
            assertThat(
                    Sql.one(
                        c,
                        "SELECT profiles FROM flow_counts WHERE flow_id = 'welcome' AND step = 'wait'",
                        r -> r.getLong(1)))
                .contains(2L);
            return null;
          });
      after.transaction(
          c -> {
            // A new timeline line follows the erased one too (AUTOINCREMENT kept its high-water
            // mark through the rebuild), and the triggers count a moved state.
            Outbox.activity(
                c,
                FlowProfiles.number(c, "p2"),
                2,
                "welcome",
                1,
                null,
                "send",
                "queued",
                "x",
                null);
            assertThat(timeline(c, "p2")).containsExactly(5L, 1L);
            // A replayed decision's message is not queued twice; a new one is.
            assertThat(queue(c, "o5", "p5")).isFalse();
            assertThat(queue(c, "o6", "p5")).isTrue();
            // The outbox's rowids are AUTOINCREMENT now: a message queued after the newest one was
            // erased comes after it, so after the retention's cursor once that passed it (the old
            // table kept no high-water mark, so this holds from the upgrade on).
            long erased = rowid(c, "o6");
            Sql.update(c, "DELETE FROM outbox WHERE id = 'o6'");
            assertThat(queue(c, "o7", "p5")).isTrue();
            assertThat(rowid(c, "o7")).isGreaterThan(erased);
            FlowStates.save(c, waiting("p3", 300), 300L, 200L);
            assertThat(FlowStates.due(c, 1_000, 10))
                .extracting(FlowStates.Due::dueMillis)
                .containsExactly(100L, 300L);
            return null;
          });
    }
  }

  @Test
  void profilesAreNumberedAsTheyAreFirstWrittenAndReadByTheirNumber() throws Exception {
    try (Database db =
        Database.open(dir.resolve("flows.db"), FlowSchema.STEPS, Database.Synchronous.FULL)) {
      db.transaction(
          c -> {
            for (String who : List.of("p_zz", "p_aa", "p_mm")) {
              FlowStates.save(c, waiting(who, 100), 100L, null);
            }
            FlowStates.save(c, waiting("p_aa", 200), 200L, 100L); // already numbered
            Outbox.history(c, "o1", FlowProfiles.number(c, "p_mm"), "email", "welcome", 5);
            return null;
          });
      db.read(
          c -> {
            assertThat(
                    Sql.list(
                        c,
                        "SELECT profile_id FROM flow_profiles ORDER BY profile_key",
                        r -> r.getString(1)))
                .containsExactly("p_zz", "p_aa", "p_mm");
            // Found through the number's index, never by scanning a table.
            for (String sql :
                List.of(
                    "SELECT flow_id, state FROM flow_state WHERE profile_key = " + FlowProfiles.KEY,
                    "SELECT sent_at FROM send_history WHERE profile_key = "
                        + FlowProfiles.KEY
                        + " AND sent_at >= 0",
                    "SELECT seq FROM activity WHERE profile_key = "
                        + FlowProfiles.KEY
                        + " ORDER BY seq DESC LIMIT 10",
                    "SELECT status FROM outbox WHERE profile_key = "
                        + FlowProfiles.KEY
                        + " AND id = 'o1'")) {
              assertThat(plan(c, sql)).as(sql).noneMatch(line -> line.startsWith("SCAN"));
            }
            // The due timers come from their index alone, ids included.
            assertThat(
                    Sql.list(
                        c,
                        "EXPLAIN QUERY PLAN SELECT flow_id, profile_id, due_at FROM flow_state"
                            + " WHERE due_at <= 1000 ORDER BY due_at",
                        r -> r.getString(4)))
                .anyMatch(line -> line.contains("COVERING INDEX flow_state_by_due"));
            assertThat(history(c, "p_mm")).containsExactly("o1/email/5");
            return null;
          });
      // Rows are written under a number only FlowProfiles.number gave, which numbers a newcomer
      // first; a state is never saved under another person's number.
      db.transaction(
          c -> {
            FlowProfiles.Numbered newcomer = FlowProfiles.number(c, "p_new");
            assertThat(newcomer.key()).isEqualTo(4);
            assertThat(queue(c, "o9", "p_new")).isTrue();
            assertThat(FlowProfiles.number(c, "p_new").key()).isEqualTo(4);
            assertThatThrownBy(
                    () ->
                        FlowStates.save(c, newcomer, waiting("p_aa", 300), 300L, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p_new");
            return null;
          });
      new FlowErasure(db, new StateCache(100))
          .erase(Set.of(new ProfileId("p_mm"), new ProfileId("p_new")));
      db.read(
          c -> {
            assertThat(Sql.list(c, "SELECT profile_id FROM flow_profiles", r -> r.getString(1)))
                .containsExactlyInAnyOrder("p_zz", "p_aa");
            assertThat(history(c, "p_mm")).isEmpty();
            assertThat(FlowStates.of(c, new ProfileId("p_mm"))).isEmpty();
            assertThat(FlowStates.of(c, new ProfileId("p_aa"))).hasSize(1);
            return null;
          });
      // An erased number is not given again: a row that a table keyed by the number alone left
      // behind could never pass to someone else.
      long given =
          db.transaction(
              c -> {
                return FlowProfiles.number(c, "p_later").key();
              });
      assertThat(given).isEqualTo(5);
    }
  }

  private static long rowid(Connection c, String outboxId) throws SQLException {
    return Sql.one(c, "SELECT rowid FROM outbox WHERE id = ?", r -> r.getLong(1), outboxId)
        .orElseThrow();
  }

  private static boolean queue(Connection c, String id, String profile) throws SQLException {
    return Outbox.queue(
        c, id, "welcome", 1, FlowProfiles.number(c, profile), "hello", "email", "{}", 40);
  }

  private static List<String> history(Connection c, String profile) throws SQLException {
    return Sql.list(
        c,
        "SELECT outbox_id, channel, sent_at FROM send_history WHERE profile_key = "
            + FlowProfiles.KEY
            + " ORDER BY sent_at",
        r -> r.getString(1) + "/" + r.getString(2) + "/" + r.getLong(3),
        profile);
  }

  private static List<Long> timeline(Connection c, String profile) throws SQLException {
    return Sql.list(
        c,
        "SELECT seq FROM activity WHERE profile_key = " + FlowProfiles.KEY + " ORDER BY seq DESC",
        r -> r.getLong(1),
        profile);
  }

  private static List<String> plan(Connection c, String sql) throws SQLException {
    return Sql.list(c, "EXPLAIN QUERY PLAN " + sql, r -> r.getString(4), "p_mm");
  }

  private static FlowState waiting(String profile, long wakeMillis) {
    return FlowSchemaUpgradeTest.waitingUntil(profile, Instant.ofEpochMilli(wakeMillis));
  }
}
