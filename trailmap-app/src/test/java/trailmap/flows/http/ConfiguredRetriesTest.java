package trailmap.flows.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.flows.runtime.OutboxMessage;
import trailmap.flows.runtime.Receiver;
import trailmap.flows.runtime.SettableClock;

/**
 * {@code messaging.retries} in the config file decides how often a failing delivery is tried and
 * how long apart, on a real server with a real HTTP receiver that answers 500.
 */
class ConfiguredRetriesTest {
  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(T0);
  Receiver crm;
  FlowApiHarness api;

  @BeforeEach
  void start() throws Exception {
    crm = new Receiver(clock);
    crm.answer.set(500);
    Path config =
        Files.writeString(
            dir.resolve("trailmap.yaml"),
            """
            messaging:
              retries: {attempts: 4, backoff: 1m}
            """);
    Path data = Files.createDirectories(dir.resolve("data"));
    api = FlowApiHarness.withConfig(data, 1, clock, config);
    api.publish(
        """
        id: crm-sync
        name: Tell the CRM
        trigger: {event: Trial Started}
        steps:
          - id: notify
            webhook: {url: "%s", body: '{"user": "{{ profile.id }}"}'}
        """
            .formatted(crm.url("/crm")));
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
    crm.close();
  }

  @Test
  void aReceiverAnswering500SeesTheConfiguredAttemptsAtTheConfiguredBackoffThenTheMessageIsDead()
      throws Exception {
    api.newTrials("ann");
    assertThat(crm.requests).hasSize(1);

    api.advance(Duration.ofSeconds(59));
    assertThat(crm.requests).as("not retried before the configured 1m backoff").hasSize(1);
    api.advance(Duration.ofSeconds(1));
    assertThat(crm.requests).hasSize(2);
    api.advance(Duration.ofSeconds(119));
    assertThat(crm.requests).as("the second retry waits twice as long, 2m").hasSize(2);
    api.advance(Duration.ofSeconds(1));
    api.advance(Duration.ofMinutes(4));
    api.advance(Duration.ofHours(6));

    List<Instant> tries = new ArrayList<>();
    crm.requests.forEach(r -> tries.add(r.at()));
    assertThat(tries)
        .as("4 attempts in all, 1m, 2m and 4m apart, and nothing after the last")
        .containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(180), T0.plusSeconds(420));
    assertThat(crm.requests)
        .extracting(Receiver.Request::idempotencyKey)
        .as("every attempt is the same message")
        .containsOnly(crm.requests.getFirst().idempotencyKey());

    String profileId =
        api.json(api.call("GET", "/api/profiles/userId:ann", "", "")).get("id").asText();
    OutboxMessage row = api.server.flows().outboxOf(profileId).getFirst();
    assertThat(row.id()).isEqualTo(crm.requests.getFirst().idempotencyKey());
    assertThat(row.status()).isEqualTo("dead");
    assertThat(row.attempts()).isEqualTo(4);
    assertThat(row.lastError().orElseThrow())
        .contains("answered 500")
        .contains("gave up after 4 attempts");

    JsonNode stats = api.expect(200, "GET", "/api/flows/crm-sync/stats", "", "");
    assertThat(stats.at("/steps/0/id").asText()).isEqualTo("notify");
    assertThat(stats.at("/steps/0/failed").asLong()).isEqualTo(1);
    assertThat(stats.at("/steps/0/retrying").asLong()).isZero();
    assertThat(stats.at("/steps/0/delivered").asLong()).isZero();
    assertThat(stats.at("/messages/failed").asLong()).isEqualTo(1);

    JsonNode flow = api.expect(200, "GET", "/api/profiles/userId:ann/timeline", "", "").get("flow");
    List<String> outcomes = new ArrayList<>();
    flow.forEach(line -> outcomes.add(line.get("outcome").asText()));
    assertThat(outcomes).containsSubsequence("dead", "failed", "failed", "failed", "queued");
    assertThat(flow.get(0).get("reason").asText())
        .contains("gave up after 4 attempts")
        .isEqualTo(row.lastError().orElseThrow());
    assertThat(flow.get(1).get("reason").asText()).contains("attempt 3 of 4");
  }
}
