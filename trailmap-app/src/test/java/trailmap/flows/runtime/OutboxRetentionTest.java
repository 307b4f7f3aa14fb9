package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileStore;

/**
 * A sent email keeps its rendered body for {@code messaging.bodyRetention} (here a week), then only
 * the row stays: its status, stats and timeline answer as before, and flows.db no longer holds the
 * text.
 */
class OutboxRetentionTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final MemoryEventLog log = new MemoryEventLog();
  static final Duration KEPT = Duration.ofDays(7);

  FlowRuntime runtime(FlowStore flows, ProfileStore profiles) {
    return TestRuntimes.following(
        flows,
        profiles,
        log,
        clock,
        TestRuntimes.smtpOn(smtp.getSmtp().getPort()).withBodyRetention(KEPT));
  }

  void trial(ProfileStore profiles, String user) {
    log.add(
        FlowEvents.identify(user, clock.instant(), Map.of("email", user + "@example.com")),
        FlowEvents.track(user, "Trial Started", clock.instant()));
    profiles.apply(log.readPage(profiles.position(), 10_000));
  }

  OutboxMessage email(FlowStore flows, ProfileStore profiles, String user) {
    String id = profiles.resolve(ProfileRef.parse("userId:" + user)).orElseThrow().value();
    return flows.outboxOf(id).getFirst();
  }

  @Test
  void bodiesAreKeptThirtyDaysUnlessTheConfigSaysOtherwise() {
    assertThat(FlowSettings.defaults(URI.create("http://127.0.0.1")).bodyRetention())
        .isEqualTo(Duration.ofDays(30));
  }

  @Test
  void aSentEmailsBodyIsEmptiedOnceItIsOlderThanTheRetentionAndNothingElseChanges() {
    try (FlowStore flows = FlowStore.open(dir, clock);
        ProfileStore profiles = ProfileStore.open(dir, IdentityRules.defaults(), clock)) {
      flows.saveTemplate("hello", "<p>Hello, a long personal text</p>");
      flows.createDraft("hello.yaml", OutboxSenderTest.EMAIL_FLOW);
      flows.publish("hello", 1, false);
      trial(profiles, "ada");
      try (FlowRuntime runtime = runtime(flows, profiles)) {
        runtime.step();
        assertThat(email(flows, profiles, "ada").status()).isEqualTo("sent");
        assertThat(email(flows, profiles, "ada").payload()).contains("ada@example.com");

        clock.advance(KEPT.minusMinutes(1));
        trial(profiles, "bob");
        runtime.step();
        assertThat(email(flows, profiles, "ada").payload())
            .as("a minute short of the retention")
            .contains("ada@example.com");

        clock.advance(Duration.ofMinutes(2));
        runtime.step();
        OutboxMessage ada = email(flows, profiles, "ada");
        assertThat(ada.payload()).isEmpty();
        assertThat(ada.status()).isEqualTo("sent");
        assertThat(ada.sentAt()).isPresent();
        assertThat(email(flows, profiles, "bob").payload())
            .as("sent a week later: kept")
            .contains("bob@example.com");
        assertThat(flows.outboxCounts("hello")).containsExactly(Map.entry("sent", 2L));
      }

      // The cursor is in flows.db: a restarted runtime goes on from it, and prunes Bob in time.
      clock.advance(KEPT);
      try (FlowRuntime runtime = runtime(flows, profiles)) {
        runtime.step();
      }
      assertThat(email(flows, profiles, "bob").payload()).isEmpty();
      assertThat(smtp.getReceivedMessages()).hasSize(2);
    }
  }
}
