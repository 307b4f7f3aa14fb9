package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.profiles.ProfileId;
import trailmap.store.Database;

/**
 * A flows.db written before the timer and send-history tables were rebuilt keeps every row through
 * the upgrade, and the rebuilt tables are read as before.
 */
class FlowSchemaUpgradeTest {
  @TempDir Path dir;

  @Test
  void timersScheduleTimersAndSendHistoryKeepTheirRowsThroughTheRebuild() throws Exception {
    Path file = dir.resolve("flows.db");
    int rebuild = stepCreating("timers_rebuilt");
    try (Database before =
        Database.open(file, FlowSchema.STEPS.subList(0, rebuild), Database.Synchronous.FULL)) {
      before.transaction(
          c -> {
            Sql.update(
                c,
                "INSERT INTO flows (id, name, status, current_version, created_at, updated_at)"
                    + " VALUES ('welcome', 'Welcome', 'PUBLISHED', 1, 0, 0)");
            Sql.update(
                c, "INSERT INTO timers VALUES ('welcome', 'p1', 100), ('welcome', 'p2', 50)");
            Sql.update(c, "INSERT INTO schedule_timers VALUES ('welcome', 'p1', 70)");
            Sql.update(
                c,
                "INSERT INTO send_history (outbox_id, profile_id, channel, flow_id, sent_at)"
                    + " VALUES ('o1', 'p1', 'email', 'welcome', 10), ('o2', 'p1', 'sms', 'welcome', 20)");
            return null;
          });
    }

    try (Database after = Database.open(file, FlowSchema.STEPS, Database.Synchronous.FULL)) {
      after.read(
          c -> {
            assertThat(FlowStates.due(c, 100, 10))
                .containsExactly(
                    new FlowStates.Due("welcome", new ProfileId("p2"), 50),
                    new FlowStates.Due("welcome", new ProfileId("p1"), 100));
            assertThat(FlowStates.due(c, "schedule_timers", 100, 10))
                .containsExactly(new FlowStates.Due("welcome", new ProfileId("p1"), 70));
            assertThat(
                    Sql.list(
                        c,
                        "SELECT outbox_id, channel, sent_at FROM send_history"
                            + " WHERE profile_id = 'p1' ORDER BY sent_at",
                        r -> r.getString(1) + "/" + r.getString(2) + "/" + r.getLong(3)))
                .containsExactly("o1/email/10", "o2/sms/20");
            for (String table : List.of("timers", "schedule_timers", "send_history")) {
              assertThat(
                      Sql.one(
                          c,
                          "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                          r -> r.getString(1),
                          table))
                  .hasValueSatisfying(sql -> assertThat(sql).contains("WITHOUT ROWID"));
            }
            assertThat(
                    Sql.list(
                        c,
                        "SELECT name FROM sqlite_master WHERE type = 'index'"
                            + " AND tbl_name IN ('timers', 'schedule_timers', 'send_history')"
                            + " AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name",
                        r -> r.getString(1)))
                .containsExactly("schedule_timers_by_due", "timers_by_due");
            return null;
          });
    }
  }

  @Test
  void theRebuildLeavesNoCopyOfTheOldRowsInTheFileForALaterErasureToMiss() throws Exception {
    Path file = dir.resolve("flows.db");
    int rebuild = stepCreating("timers_rebuilt");
    try (Database before =
        Database.open(file, FlowSchema.STEPS.subList(0, rebuild), Database.Synchronous.FULL)) {
      before.transaction(
          c -> {
            for (int i = 0; i < 500; i++) {
              Sql.update(c, "INSERT INTO timers VALUES ('welcome', ?, ?)", "p_secret_" + i, i);
              Sql.update(
                  c,
                  "INSERT INTO send_history (outbox_id, profile_id, channel, flow_id, sent_at)"
                      + " VALUES (?, ?, 'email', 'welcome', ?)",
                  "o" + i,
                  "p_secret_" + i,
                  i);
            }
            return null;
          });
    }
    try (Database after = Database.open(file, FlowSchema.STEPS, Database.Synchronous.FULL)) {
      // What an erasure of all of them does: their rows go, and the WAL is copied back and emptied.
      after.transaction(
          c -> {
            Sql.update(c, "DELETE FROM timers WHERE profile_id LIKE 'p_secret_%'");
            Sql.update(c, "DELETE FROM send_history WHERE profile_id LIKE 'p_secret_%'");
            return null;
          });
      after.read(
          c -> {
            try (var s = c.createStatement()) {
              s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
          });
    }
    String bytes =
        new String(
            java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(bytes).doesNotContain("p_secret_");
  }

  /** The index of the first schema step holding {@code text}: the steps before it are older. */
  private static int stepCreating(String text) {
    for (int i = 0; i < FlowSchema.STEPS.size(); i++) {
      if (FlowSchema.STEPS.get(i).stream().anyMatch(sql -> sql.contains(text))) {
        return i;
      }
    }
    throw new AssertionError("no schema step mentions " + text);
  }
}
