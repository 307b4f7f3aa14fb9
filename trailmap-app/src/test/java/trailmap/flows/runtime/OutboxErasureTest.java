package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileStore;

/**
 * {@link FlowStore#erase} against the sender: a row handed over before the erasure is not written
 * back by its result, a row still due is not handed over after it, and a row rewritten before it (a
 * failed attempt) leaves no old copy in the files.
 */
class OutboxErasureTest {
  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final MemoryEventLog log = new MemoryEventLog();
  final Receiver receiver = new Receiver(clock);

  @AfterEach
  void close() {
    receiver.close();
  }

  String flow() {
    return """
        id: crm-sync
        name: Tell the CRM twice
        trigger:
          event: Trial Started
        steps:
          - id: first
            webhook:
              url: %1$s
              body: '{"first": "{{traits.email}}", "notes": "{{traits.notes}}"}'
          - id: second
            webhook:
              url: %1$s
              body: '{"second": "{{traits.email}}", "notes": "{{traits.notes}}"}'
        """
        .formatted(receiver.url("/hook"));
  }

  FlowRuntime runtime(FlowStore flows, ProfileStore profiles) {
    return TestRuntimes.following(
        flows,
        profiles,
        log,
        clock,
        FlowSettings.defaults(URI.create("http://127.0.0.1:1"))
            .withRetries(3, Duration.ofMinutes(1)));
  }

  ProfileId trial(ProfileStore profiles, String user) {
    log.add(
        // Notes long enough that a rendered message overflows its page, as real emails do: an
        // overflow chain rewritten by an update is where an old copy would be left behind.
        FlowEvents.identify(
            user,
            clock.instant(),
            Map.of("email", user + "@example.com", "notes", "n".repeat(6000))),
        FlowEvents.track(user, "Trial Started", clock.instant()));
    profiles.apply(log.readPage(profiles.position(), 100));
    return profiles.resolve(ProfileRef.parse("userId:" + user)).orElseThrow();
  }

  /** Rows of every flows.db table with a {@code profile_id} column that name {@code id}. */
  static long rowsOf(FlowStore flows, ProfileId id) {
    return flows
        .db()
        .read(
            c -> {
              long n = 0;
              for (String table :
                  Sql.list(
                      c,
                      "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p"
                          + " WHERE m.type = 'table' AND p.name = 'profile_id'",
                      r -> r.getString(1))) {
                n +=
                    Sql.one(
                            c,
                            "SELECT count(*) FROM " + table + " WHERE profile_id = ?",
                            r -> r.getLong(1),
                            id.value())
                        .orElseThrow();
              }
              return n;
            });
  }

  String flowsFiles() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("flows.db")).toList()) {
        all.write(Files.readAllBytes(f));
      }
    }
    return all.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void anErasureWhileARowIsHandedOverWaitsForItDropsItsResultAndStopsTheNextRow() throws Exception {
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore profiles = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      flows.createDraft("crm.yaml", flow());
      flows.publish("crm-sync", 1, false);
      FlowRuntime runtime = runtime(flows, profiles);
      ProfileId ada = trial(profiles, "ada");
      runtime.advance();
      assertThat(flows.outboxOf(ada.value())).hasSize(2);

      CompletableFuture<Void> erasure = new CompletableFuture<>();
      receiver.onRequest.set(
          () -> {
            receiver.onRequest.set(() -> {});
            Thread.ofVirtual()
                .start(
                    () -> {
                      flows.erase(Set.of(ada));
                      erasure.complete(null);
                    });
            // The erasure now waits for this hand-over to end.
            sleep(300);
            assertThat(erasure).as("erased while the row was being handed over").isNotDone();
          });
      runtime.step();
      erasure.get(10, TimeUnit.SECONDS);

      assertThat(receiver.bodies()).as("only the row handed over before the erasure").hasSize(1);
      assertThat(rowsOf(flows, ada)).as("rows naming ada").isZero();
      assertThat(flows.activity(ada.value(), 100)).isEmpty();
      clock.advance(Duration.ofHours(1));
      runtime.step();
      assertThat(receiver.bodies()).hasSize(1);
      assertThat(rowsOf(flows, ada)).isZero();
    }
  }

  @Test
  void nothingIsHandedOverForAPersonWhoseErasureStoppedBeforeFlowsDb() throws Exception {
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore profiles = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      flows.createDraft("crm.yaml", flow());
      flows.publish("crm-sync", 1, false);
      FlowRuntime runtime = runtime(flows, profiles);
      ProfileId dan = trial(profiles, "dan");
      ProfileId eve = trial(profiles, "eve");
      runtime.advance();

      // Dan's erasure is recorded in profiles.db, but its flows.db step has not run (it failed:
      // a retry of the DELETE or the next start finishes it).
      assertThat(profiles.delete(dan, log)).isPresent();
      assertThat(profiles.erasurePending(dan)).isTrue();
      runtime.step();

      assertThat(receiver.bodies()).noneMatch(body -> body.contains("dan@"));
      assertThat(receiver.bodies()).anyMatch(body -> body.contains("eve@"));
      assertThat(flows.outboxOf(dan.value()))
          .as("still waiting for the erasure, not handed over")
          .extracting(OutboxMessage::status)
          .containsOnly("pending");
      clock.advance(Duration.ofMinutes(5));
      runtime.step();
      assertThat(receiver.bodies()).noneMatch(body -> body.contains("dan@"));

      new trailmap.profiles.PendingErasures(profiles, flows::erase).finishAll();
      assertThat(profiles.erasurePending(dan)).isFalse();
      assertThat(rowsOf(flows, dan)).isZero();
      assertThat(profiles.erasurePending(eve)).isFalse();
    }
  }

  @Test
  void aRowRewrittenByAFailedAttemptLeavesNoCopyOfItsMessageInTheFilesAfterErasure()
      throws Exception {
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore profiles = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      flows.createDraft("crm.yaml", flow());
      flows.publish("crm-sync", 1, false);
      FlowRuntime runtime = runtime(flows, profiles);
      ProfileId bea = trial(profiles, "bea");
      ProfileId cal = trial(profiles, "cal");
      receiver.failuresLeft.set(4);
      runtime.step();
      assertThat(flows.outboxOf(bea.value()))
          .extracting(OutboxMessage::status)
          .containsOnly("failed");
      assertThat(flowsFiles()).contains("bea@example.com");

      flows.erase(Set.of(bea));

      assertThat(rowsOf(flows, bea)).isZero();
      assertThat(flowsFiles()).doesNotContain("bea@example.com").doesNotContain(bea.value());
      assertThat(flows.outboxOf(cal.value())).hasSize(2);
      clock.advance(Duration.ofMinutes(1));
      runtime.step();
      assertThat(flows.outboxOf(cal.value()))
          .extracting(OutboxMessage::status)
          .containsOnly("sent");
      assertThat(receiver.bodies().subList(4, receiver.bodies().size()))
          .noneMatch(body -> body.contains("bea"));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
