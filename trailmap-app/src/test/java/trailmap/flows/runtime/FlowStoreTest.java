package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.profiles.ProfileId;

class FlowStoreTest {
  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));

  @Test
  void aFlowGoesFromDraftToPublishedToPausedAndBackThenToArchived() {
    try (FlowStore store = FlowStore.open(dir, clock)) {
      DraftResult first = store.createDraft("welcome.yaml", FlowDocuments.WELCOME);
      assertThat(first).isInstanceOf(DraftResult.Created.class);
      assertThat(((DraftResult.Created) first).version().version()).isEqualTo(1);
      assertThat(store.flow("welcome").orElseThrow().status()).isEqualTo(FlowStatus.DRAFT);
      assertThat(store.flow("welcome").orElseThrow().currentVersion()).isEmpty();

      store.publish("welcome", 1, false);
      FlowSummary published = store.flow("welcome").orElseThrow();
      assertThat(published.status()).isEqualTo(FlowStatus.PUBLISHED);
      assertThat(published.currentVersion()).contains(1);

      DraftResult second = store.createDraft("welcome.yaml", FlowDocuments.WELCOME);
      assertThat(((DraftResult.Created) second).version().version()).isEqualTo(2);
      assertThat(store.flow("welcome").orElseThrow().latestVersion()).isEqualTo(2);
      assertThat(store.load("welcome", 2).version()).isEqualTo(2);
      assertThat(store.versions("welcome")).hasSize(2);
      assertThat(store.versions("welcome").get(1).publishedAt()).isEmpty();

      store.pause("welcome");
      assertThat(store.flow("welcome").orElseThrow().status()).isEqualTo(FlowStatus.PAUSED);
      store.publish("welcome", 2, true);
      assertThat(store.flow("welcome").orElseThrow().currentVersion()).contains(2);
      store.archive("welcome");
      assertThat(store.list()).extracting(FlowSummary::status).containsExactly(FlowStatus.ARCHIVED);
      assertThatThrownBy(() -> store.publish("welcome", 2, false)).hasMessageContaining("archived");
      assertThatThrownBy(() -> store.pause("welcome")).hasMessageContaining("is archived");
    }
  }

  @Test
  void archivingAScheduleFlowDeletesItsFiringsAndSweepInTheSameTransaction() throws Exception {
    try (FlowStore store = FlowStore.open(dir, clock)) {
      store.createDraft("weekly-digest.yaml", weeklyDigest());
      store.publish("weekly-digest", 1, false);
      scheduleRows(store, "weekly-digest");
      scheduleRows(store, "other-digest");
      store.pause("weekly-digest");
      assertThat(rows(store, "schedule_timers", "weekly-digest"))
          .as("a paused flow keeps its firings for when it is published again")
          .isEqualTo(2);

      store.archive("weekly-digest");

      assertThat(rows(store, "schedule_timers", "weekly-digest")).isZero();
      assertThat(rows(store, "schedule_seeds", "weekly-digest")).isZero();
      assertThat(rows(store, "schedule_timers", "other-digest")).as("not its rows").isEqualTo(2);
      assertThat(rows(store, "schedule_seeds", "other-digest")).isEqualTo(1);

      // A refused archive changes nothing, rows included.
      scheduleRows(store, "weekly-digest");
      assertThatThrownBy(() -> store.archive("weekly-digest")).hasMessageContaining("is archived");
      assertThat(rows(store, "schedule_timers", "weekly-digest")).isEqualTo(2);
    }
  }

  @Test
  void publishingAVersionThatIsNotOnAScheduleDeletesTheFlowsFirings() throws Exception {
    try (FlowStore store = FlowStore.open(dir, clock)) {
      String digest = weeklyDigest();
      store.createDraft("weekly-digest.yaml", digest);
      store.publish("weekly-digest", 1, false);
      scheduleRows(store, "weekly-digest");

      store.createDraft(
          "weekly-digest.yaml",
          digest.replace("schedule: \"0 9 * * mon\"", "event: Digest Requested"));
      store.publish("weekly-digest", 2, false);

      assertThat(rows(store, "schedule_timers", "weekly-digest")).isZero();
      assertThat(rows(store, "schedule_seeds", "weekly-digest")).isZero();
    }
  }

  @Test
  void aFiringForAFlowArchivedSinceTheRuntimeLookedIsNotWritten() throws Exception {
    try (FlowStore store = FlowStore.open(dir, clock)) {
      store.createDraft("weekly-digest.yaml", weeklyDigest());
      store.publish("weekly-digest", 1, false);
      scheduleRows(store, "weekly-digest");
      store.archive("weekly-digest");

      // What the runtime does for a new profile's event with a list of schedule flows it loaded
      // before the archive committed.
      store
          .db()
          .transaction(
              c -> {
                ScheduleTimers.ensure(c, "weekly-digest", new ProfileId("cy"), 1L);
                return null;
              });

      assertThat(rows(store, "schedule_timers", "weekly-digest")).isZero();
    }
  }

  static String weeklyDigest() throws IOException {
    return Files.readString(Path.of("../examples/flows/weekly-digest.yaml"));
  }

  /** A sweep and two profiles' next firings of {@code flowId}, as the runtime writes them. */
  static void scheduleRows(FlowStore store, String flowId) {
    store
        .db()
        .transaction(
            c -> {
              ScheduleTimers.restart(c, flowId, "0 9 * * mon");
              for (String profile : List.of("ada", "bob")) {
                ScheduleTimers.ensure(
                    c,
                    flowId,
                    new ProfileId(profile),
                    Instant.parse("2026-03-09T08:00:00Z").toEpochMilli());
              }
              return null;
            });
  }

  static int rows(FlowStore store, String table, String flowId) {
    return store
        .db()
        .read(
            c ->
                Sql.one(
                        c,
                        "SELECT count(*) FROM " + table + " WHERE flow_id = ?",
                        r -> r.getInt(1),
                        flowId)
                    .orElseThrow());
  }

  @Test
  void anInvalidDocumentIsNotStoredAndEveryProblemHasALine() {
    try (FlowStore store = FlowStore.open(dir, clock)) {
      DraftResult result = store.createDraft("bad.yaml", "id: x\nname: X\nsteps: []\n");
      assertThat(result).isInstanceOf(DraftResult.Invalid.class);
      assertThat(((DraftResult.Invalid) result).problems()).isNotEmpty();
      assertThat(store.list()).isEmpty();
    }
  }

  @Test
  void theStoreKeepsItsSecretsAndPositionAcrossReopens() {
    String secret;
    try (FlowStore store = FlowStore.open(dir, clock)) {
      secret = store.webhookSecret();
      assertThat(store.position()).isZero();
    }
    try (FlowStore store = FlowStore.open(dir, clock)) {
      assertThat(store.webhookSecret()).isEqualTo(secret).hasSize(64);
    }
  }

  @Test
  void aNewFlowsDbHasSixteenKilobytePages() throws Exception {
    try (FlowStore store = FlowStore.open(dir, clock)) {
      long pageSize =
          store
              .db()
              .read(
                  c -> {
                    try (var s = c.createStatement();
                        var rows = s.executeQuery("PRAGMA page_size")) {
                      rows.next();
                      return rows.getLong(1);
                    }
                  });
      assertThat(pageSize).isEqualTo(FlowStore.PAGE_BYTES).isEqualTo(16_384);
    }
  }
}
