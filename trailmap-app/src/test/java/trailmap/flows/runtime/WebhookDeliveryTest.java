package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.flows.channels.Signatures;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileStore;

/**
 * Webhooks go to a real HTTP server on 127.0.0.1: signed, with the outbox id as idempotency key,
 * retried with backoff after a 500 and dead after too many failures.
 */
class WebhookDeliveryTest {
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
        name: Tell the CRM
        trigger:
          event: Trial Started
        steps:
          - id: notify
            webhook:
              url: %s
              body: '{"email": "{{traits.email}}"}'
        """
        .formatted(receiver.url("/hook"));
  }

  /** Stores and publishes the webhook flow; returns the runtime on it. */
  FlowRuntime published(FlowStore flows, ProfileStore profiles) {
    flows.createDraft("crm.yaml", flow());
    flows.publish("crm-sync", 1, false);
    return runtime(flows, profiles);
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

  void trial(ProfileStore profiles, String user) {
    log.add(
        FlowEvents.identify(user, clock.instant(), Map.of("email", user + "@example.com\"")),
        FlowEvents.track(user, "Trial Started", clock.instant()));
    profiles.apply(log.readPage(profiles.position(), 100));
  }

  @Test
  void aWebhookIsSignedCarriesItsOutboxIdAndIsRetriedWithBackoffAfterA500() {
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore profiles = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      FlowRuntime runtime = published(flows, profiles);
      receiver.failuresLeft.set(1);
      trial(profiles, "ada");
      runtime.step();
      assertThat(receiver.requests).hasSize(1);
      OutboxMessage row =
          flows.outboxOf(profiles.resolve(ref("ada")).orElseThrow().value()).getFirst();
      assertThat(row.status()).isEqualTo("failed");
      assertThat(row.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

      runtime.step();
      assertThat(receiver.requests).as("not retried before its backoff").hasSize(1);
      clock.advance(Duration.ofMinutes(1));
      runtime.step();
      assertThat(receiver.requests).hasSize(2);
      assertThat(flows.outbox(row.profileId(), row.id()).orElseThrow().status()).isEqualTo("sent");

      Receiver.Request last = receiver.requests.getLast();
      assertThat(last.idempotencyKey())
          .isEqualTo(row.id())
          .isEqualTo(receiver.requests.getFirst().idempotencyKey());
      assertThat(last.body()).isEqualTo("{\"email\": \"ada@example.com\\\"\"}");
      assertThat(Signatures.verify(flows.webhookSecret(), last.signature(), last.body())).isTrue();
      assertThat(Signatures.verify("another secret", last.signature(), last.body())).isFalse();
      assertThat(Signatures.verify(flows.webhookSecret(), last.signature(), last.body() + " "))
          .isFalse();
    }
  }

  @Test
  void aWebhookThatKeepsFailingIsDeadAfterItsAttemptsAndSaysWhyOnTheTimeline() {
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore profiles = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      FlowRuntime runtime = published(flows, profiles);
      receiver.failuresLeft.set(100);
      trial(profiles, "bob");
      for (int i = 0; i < 6; i++) {
        runtime.step();
        clock.advance(Duration.ofMinutes(10));
      }
      assertThat(receiver.requests).hasSize(3);
      String pid = profiles.resolve(ref("bob")).orElseThrow().value();
      OutboxMessage row = flows.outboxOf(pid).getFirst();
      assertThat(row.status()).isEqualTo("dead");
      assertThat(row.attempts()).isEqualTo(3);
      assertThat(row.lastError().orElseThrow()).contains("500").contains("gave up after 3");
      assertThat(flows.outboxCounts("crm-sync")).containsEntry("dead", 1L);
      assertThat(flows.activity(pid, 10))
          .extracting(FlowActivity::outcome)
          .contains("dead", "failed", "queued");
    }
  }

  /**
   * The flow thread commits its decisions without an fsync (docs/flows-runtime.md, "When a commit
   * reaches the disk"): the sender must have synced them before the receiver hears of one.
   */
  @Test
  void aWebhookIsHandedOverOnlyOnceTheDecisionThatQueuedItIsOnDisk() {
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore profiles = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      FlowRuntime runtime = published(flows, profiles);
      List<Long> unsyncedAtRequest = new CopyOnWriteArrayList<>();
      receiver.onRequest.set(() -> unsyncedAtRequest.add(flows.db().unsynced()));
      trial(profiles, "cy");

      runtime.advance();
      assertThat(flows.db().unsynced()).as("the decision committed, not yet synced").isPositive();
      assertThat(receiver.requests).isEmpty();

      runtime.step();
      assertThat(unsyncedAtRequest).containsExactly(0L);
    }
  }

  static trailmap.profiles.ProfileRef ref(String user) {
    return trailmap.profiles.ProfileRef.parse("userId:" + user);
  }
}
