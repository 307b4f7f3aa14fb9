package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.flows.engine.FlowState;
import trailmap.flows.engine.Outcome;
import trailmap.flows.engine.Run;
import trailmap.profiles.ProfileId;
import trailmap.store.Database;

/**
 * A flows.db written before the timer and send-history tables were rebuilt, or before the wake-ups
 * moved into the flow states, keeps every row through the upgrade, and they are read as before.
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
            publishedWelcome(c);
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

    // As that step left it (the wake-ups later move into flow_state: the next test).
    try (Database after =
        Database.open(file, FlowSchema.STEPS.subList(0, rebuild + 1), Database.Synchronous.FULL)) {
      after.read(
          c -> {
            assertThat(
                    Sql.list(
                        c,
                        "SELECT profile_id, due_at FROM timers ORDER BY due_at",
                        r -> r.getString(1) + "@" + r.getLong(2)))
                .containsExactly("p2@50", "p1@100");
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
  void wakeUpsMoveIntoTheirFlowStatesAndAreReadAsBefore() throws Exception {
    Path file = dir.resolve("flows.db");
    int fold = stepCreating("flow_state_rebuilt");
    FlowState waiting = waitingUntil("p1", Instant.ofEpochMilli(100));
    FlowState done =
        new FlowState(
            new ProfileId("p2"),
            "welcome",
            1,
            1,
            Optional.of(Instant.ofEpochMilli(5)),
            Optional.empty(),
            Optional.of(Outcome.COMPLETED));
    try (Database before =
        Database.open(file, FlowSchema.STEPS.subList(0, fold), Database.Synchronous.FULL)) {
      before.transaction(
          c -> {
            publishedWelcome(c);
            Sql.update(
                c,
                "INSERT INTO flow_state (flow_id, profile_id, version, step, entered_at, entries,"
                    + " variant, outcome, state) VALUES ('welcome', 'p1', 1, 'wait', 5, 1, NULL,"
                    + " NULL, ?), ('welcome', 'p2', 1, NULL, 5, 1, NULL, 'COMPLETED', ?)",
                StateCodec.write(waiting),
                StateCodec.write(done));
            // p1's wake-up, and one of a profile with no state (never written by the runtime).
            Sql.update(
                c, "INSERT INTO timers VALUES ('welcome', 'p1', 100), ('welcome', 'orphan', 50)");
            return null;
          });
    }

    try (Database after = Database.open(file, FlowSchema.STEPS, Database.Synchronous.FULL)) {
      after.read(
          c -> {
            assertThat(FlowStates.due(c, 1_000, 10))
                .containsExactly(new FlowStates.Due("welcome", new ProfileId("p1"), 100));
            assertThat(FlowStates.of(c, new ProfileId("p1"))).containsEntry("welcome", waiting);
            assertThat(FlowStates.of(c, new ProfileId("p2"))).containsEntry("welcome", done);
            // The columns beside the state kept their values: the flows p1 is in, with its version.
            assertThat(
                    Sql.list(
                        c,
                        "SELECT flow_id, version FROM flow_state WHERE profile_key = "
                            + FlowProfiles.KEY
                            + " AND step IS NOT NULL",
                        r -> Map.entry(r.getString(1), r.getInt(2)),
                        "p1"))
                .containsExactly(Map.entry("welcome", 1));
            assertThat(
                    Sql.one(
                        c,
                        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                        r -> r.getString(1),
                        "flow_state"))
                .hasValueSatisfying(sql -> assertThat(sql).contains("WITHOUT ROWID"));
            assertThat(
                    Sql.list(
                        c,
                        "SELECT name FROM sqlite_master WHERE tbl_name IN ('flow_state', 'timers')"
                            + " AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name",
                        r -> r.getString(1)))
                .containsExactly(
                    "flow_state",
                    "flow_state_by_due",
                    "flow_state_by_flow",
                    "flow_state_uncounted");
            // The statistics' counts start from the states already there.
            assertThat(
                    Sql.list(
                        c,
                        "SELECT version, step, outcome, profiles FROM flow_counts"
                            + " WHERE flow_id = 'welcome' ORDER BY step",
                        r ->
                            r.getInt(1)
                                + "/"
                                + r.getString(2)
                                + "/"
                                + r.getString(3)
                                + "="
                                + r.getLong(4)))
                .containsExactly("1//COMPLETED=1", "1/wait/=1");
            return null;
          });
      // Saving arms, keeps and disarms the wake-up as the engine's timer decisions say.
      after.transaction(
          c -> {
            FlowStates.save(c, waiting, null, null);
            assertThat(FlowStates.due(c, 1_000, 10)).hasSize(1);
            FlowStates.save(c, waiting, null, 99L); // a cancel of another time leaves it
            assertThat(FlowStates.due(c, 1_000, 10)).hasSize(1);
            FlowStates.save(c, waiting, 300L, 100L); // moved: cancelled, then set again
            assertThat(FlowStates.due(c, 1_000, 10))
                .containsExactly(new FlowStates.Due("welcome", new ProfileId("p1"), 300));
            assertThat(
                    FlowStates.disarm(c, "welcome", new ProfileId("p1"), 100, new RoundChanges()))
                .isZero();
            assertThat(
                    FlowStates.disarm(c, "welcome", new ProfileId("p1"), 300, new RoundChanges()))
                .isOne();
            assertThat(FlowStates.due(c, 1_000, 10)).isEmpty();
            FlowStates.save(c, waitingUntil("p3", Instant.ofEpochMilli(7)), 7L, null);
            assertThat(FlowStates.due(c, 1_000, 10))
                .containsExactly(new FlowStates.Due("welcome", new ProfileId("p3"), 7));
            FlowStates.save(c, done, null, 7L);
            return null;
          });
    }
  }

  static FlowState waitingUntil(String profile, Instant wake) {
    Instant entered = Instant.ofEpochMilli(5);
    return new FlowState(
        new ProfileId(profile),
        "welcome",
        1,
        1,
        Optional.of(entered),
        Optional.of(
            new Run(1, entered, "wait", entered, Optional.of(wake), false, Map.of(), Map.of())),
        Optional.empty());
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
      // An erasure of all of them: their rows go (the timers, having no flow state, went with the
      // step that moved wake-ups into it), and the WAL is copied back and emptied.
      Set<ProfileId> all = new HashSet<>();
      for (int i = 0; i < 500; i++) {
        all.add(new ProfileId("p_secret_" + i));
      }
      new FlowErasure(after, new StateCache(100)).erase(all);
    }
    String bytes =
        new String(
            java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(bytes).doesNotContain("p_secret_");
  }

  /** The flows row of a published {@code welcome} flow, which due timers are read with. */
  private static void publishedWelcome(Connection c) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO flows (id, name, status, current_version, created_at, updated_at)"
            + " VALUES ('welcome', 'Welcome', 'PUBLISHED', 1, 0, 0)");
  }

  @Test
  void anOlderFilesOutboxIsCountedByTheStepThatAddsTheCounts() {
    Path file = dir.resolve("flows.db");
    int counts = stepCreating("CREATE TABLE outbox_counts");
    try (Database before =
        Database.open(file, FlowSchema.STEPS.subList(0, counts), Database.Synchronous.FULL)) {
      before.transaction(
          c -> {
            // Rows as the runtime of that version queued them (Outbox.queue counts them now).
            long p1 = FlowProfiles.number(c, "p1").key();
            long p2 = FlowProfiles.number(c, "p2").key();
            String row =
                "INSERT INTO outbox (profile_key, id, flow_id, version, profile_id, step, channel,"
                    + " payload, status, attempts, next_attempt_at, created_at)"
                    + " VALUES (?, ?, 'welcome', 1, ?, ?, ?, '{}', ?, 0, 1, 1)";
            Sql.update(c, row, p1, "o1", "p1", "welcome-email", "email", "sent");
            Sql.update(c, row, p2, "o2", "p2", "welcome-email", "email", "pending");
            Sql.update(c, row, p2, "o3", "p2", "-", "trait", "pending");
            return null;
          });
    }
    try (Database after = Database.open(file, FlowSchema.STEPS, Database.Synchronous.FULL)) {
      List<String> rows =
          after.transaction(
              c -> {
                // Counted from then on, too.
                Outbox.queue(
                    c,
                    "o4",
                    "welcome",
                    1,
                    FlowProfiles.number(c, "p3"),
                    "tips-email",
                    "email",
                    "{}",
                    2);
                return Sql.list(
                    c,
                    "SELECT step, channel, status, messages FROM outbox_counts ORDER BY 1, 2, 3",
                    r ->
                        r.getString(1)
                            + "/"
                            + r.getString(2)
                            + "/"
                            + r.getString(3)
                            + "="
                            + r.getLong(4));
              });
      assertThat(rows)
          .containsExactly(
              "-/trait/pending=1",
              "tips-email/email/pending=1",
              "welcome-email/email/pending=1",
              "welcome-email/email/sent=1");
    }
  }

  @Test
  void anOlderFilesTemplatesBecomeTheFirstNumberedBodiesAndAnEmailQueuedBeforeIsSentAsItWas()
      throws Exception {
    Path file = dir.resolve("flows.db");
    int bodies = stepCreating("CREATE TABLE template_bodies");
    try (Database before =
        Database.open(file, FlowSchema.STEPS.subList(0, bodies), Database.Synchronous.FULL)) {
      before.transaction(
          c ->
              Sql.update(
                  c,
                  "INSERT INTO templates (name, body, updated_at) VALUES ('hello', ?, 1)",
                  "<p>Hello {{traits.name}}</p>"));
    }
    // A payload queued before the step carries its written-out body: sent as it is.
    JsonNode old = new ObjectMapper().readTree("{\"to\":\"a@b.c\",\"html\":\"<p>Hi Ann</p>\"}");
    try (Database after = Database.open(file, FlowSchema.STEPS, Database.Synchronous.FULL)) {
      TemplateBodies kept = new TemplateBodies();
      after.transaction(
          c -> {
            TemplateBodies.Body hello = kept.of(c, "hello").orElseThrow();
            assertThat(hello.text()).isEqualTo("<p>Hello {{traits.name}}</p>");
            assertThat(kept.numbered(c, hello.id())).contains(hello.text());
            assertThat(
                    Payloads.writtenOut(
                        old,
                        id -> {
                          throw new AssertionError("a written-out payload reads no body");
                        }))
                .contains(old);
            return null;
          });
    }
  }

  /** The index of the first schema step holding {@code text}: the steps before it are older. */
  static int stepCreating(String text) {
    for (int i = 0; i < FlowSchema.STEPS.size(); i++) {
      if (FlowSchema.STEPS.get(i).stream().anyMatch(sql -> sql.contains(text))) {
        return i;
      }
    }
    throw new AssertionError("no schema step mentions " + text);
  }
}
