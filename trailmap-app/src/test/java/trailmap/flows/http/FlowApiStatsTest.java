package trailmap.flows.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import trailmap.analytics.stats.Comparison;
import trailmap.analytics.stats.TwoSample;
import trailmap.flows.policy.CapWindow;
import trailmap.flows.policy.FrequencyCap;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.runtime.SettableClock;
import trailmap.profiles.ProfileRef;

/** {@code GET /api/flows/{id}/stats}: the holdout comparison, and suppressions with their cause. */
class FlowApiStatsTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final String OFFER =
      """
      id: trial-offer
      name: Trial offer
      holdout: 0.5
      topic: offers
      trigger:
        event: Trial Started
      steps:
        - id: offer
          email: {template: offer, subject: "Half price this week", to: email}
        - id: wait-a-week
          wait: 7d
      goals:
        - id: subscribed
          event: Subscribed
      """;

  @TempDir Path dir;
  FlowApiHarness api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  void start(MessagePolicy policy) {
    api =
        new FlowApiHarness(
            dir,
            smtp.getSmtp().getPort(),
            new SettableClock(Instant.parse("2026-03-02T10:00:00Z")),
            policy);
  }

  @Test
  void conversionOutsideTheHoldoutIsComparedWithInsideWithA95PercentInterval() throws Exception {
    start(MessagePolicy.PERMISSIVE);
    api.template("offer", "<p>Half price</p>");
    api.publish(OFFER);
    int n = 300;
    String[] users = new String[n];
    for (int i = 0; i < n; i++) {
      users[i] = "u" + i;
    }
    api.newTrials(users);

    // Who is held out is the engine's stable hash; read it from each profile's flow timeline.
    ArrayNode subscribed = api.calls();
    long[] counts = new long[4]; // treatment, treatment converted, holdout, holdout converted
    for (int i = 0; i < n; i++) {
      String profile =
          api.server
              .profiles()
              .resolve(ProfileRef.parse("userId:" + users[i]))
              .orElseThrow()
              .value();
      boolean heldOut =
          api.server.flows().activity(profile, 50).stream()
              .anyMatch(a -> a.kind().equals("entered") && a.outcome().equals("held-out"));
      // The offer works: 60% of those who got it subscribe, 20% of the holdout.
      boolean converts = heldOut ? i % 10 < 2 : i % 10 < 6;
      counts[heldOut ? 2 : 0]++;
      if (converts) {
        counts[heldOut ? 3 : 1]++;
        api.track(subscribed, users[i], "Subscribed");
      }
    }
    api.batch(subscribed);
    assertThat(counts[2]).as("holdout share 0.5 of %d", n).isBetween(100L, 200L);

    JsonNode stats = api.expect(200, "GET", "/api/flows/trial-offer/stats", "", "");
    assertThat(stats.at("/entered/profiles").asLong()).isEqualTo(n);
    assertThat(stats.at("/entered/heldOut").asLong()).isEqualTo(counts[2]);
    assertThat(stats.at("/messages/delivered").asLong()).isEqualTo(counts[0]);
    assertThat(smtp.getReceivedMessages()).hasSize((int) counts[0]);
    assertThat(stats.at("/suppressed/byCause/0/cause").asText()).isEqualTo("flow_holdout");
    assertThat(stats.at("/suppressed/byCause/0/count").asLong()).isEqualTo(counts[2]);
    assertThat(stats.at("/ended/converted").asLong()).isEqualTo(counts[1] + counts[3]);
    assertThat(stats.at("/waiting").asLong()).isEqualTo(n - counts[1] - counts[3]);

    JsonNode conversion = stats.get("conversion");
    assertThat(conversion.at("/treatment/profiles").asLong()).isEqualTo(counts[0]);
    assertThat(conversion.at("/treatment/converted").asLong()).isEqualTo(counts[1]);
    assertThat(conversion.at("/holdout/profiles").asLong()).isEqualTo(counts[2]);
    assertThat(conversion.at("/holdout/converted").asLong()).isEqualTo(counts[3]);
    Comparison expected = TwoSample.proportions(counts[1], counts[0], counts[3], counts[2]);
    JsonNode d = conversion.get("difference");
    assertThat(d.get("estimate").asDouble()).isCloseTo(expected.difference(), within(1e-12));
    assertThat(d.get("low").asDouble()).isCloseTo(expected.low(), within(1e-12));
    assertThat(d.get("high").asDouble()).isCloseTo(expected.high(), within(1e-12));
    assertThat(d.get("method").asText()).isEqualTo("newcombe-hybrid-score");
    assertThat(d.get("test").asText()).isEqualTo("two-proportion-z");
    assertThat(d.get("level").asDouble()).isEqualTo(0.95);
    assertThat(d.get("low").asDouble()).as("the offer's lift is clear of zero").isPositive();
    assertThat(d.get("high").asDouble()).isLessThan(1);
    assertThat(d.get("pValue").asDouble()).isLessThan(0.001);
    assertThat(d.get("significant").asBoolean()).isTrue();
  }

  @Test
  void aFrequencyCapAcrossTwoFlowsSuppressesTheSecondMessageVisiblyInStatsAndOnTheTimeline()
      throws Exception {
    start(
        new MessagePolicy(
            List.of(FrequencyCap.on("email", 1, CapWindow.DAY)), Optional.empty(), Set.of(), 0, 7));
    api.template("news", "<p>News</p>");
    for (String id : List.of("launch-news", "launch-tips")) {
      api.publish(
          """
          id: %s
          name: %s
          trigger:
            event: Product Launched
          steps:
            - id: tell
              email: {template: news, subject: "%s", to: email}
          """
              .formatted(id, id, id));
    }
    ArrayNode calls = api.calls();
    api.identify(calls, "ada", Map.of("email", "ada@example.com"));
    api.track(calls, "ada", "Product Launched");
    api.batch(calls);

    assertThat(smtp.getReceivedMessages()).as("one email a day").hasSize(1);
    long delivered = 0;
    long capped = 0;
    for (String id : List.of("launch-news", "launch-tips")) {
      JsonNode stats = api.expect(200, "GET", "/api/flows/" + id + "/stats", "", "");
      assertThat(stats.at("/entered/profiles").asLong()).isOne();
      delivered += stats.at("/messages/delivered").asLong();
      if (stats.at("/suppressed/total").asLong() > 0) {
        capped++;
        assertThat(stats.at("/suppressed/byCause/0/cause").asText()).isEqualTo("frequency_cap");
        assertThat(stats.at("/suppressed/byCause/0/example").asText())
            .contains("frequency cap email 1/day reached");
        assertThat(stats.at("/steps/0/suppressed/frequency_cap").asLong()).isOne();
        assertThat(stats.at("/steps/0/sent").asLong()).isZero();
      }
    }
    assertThat(delivered).isOne();
    assertThat(capped).isOne();

    JsonNode flow =
        api.json(api.call("GET", "/api/profiles/userId:ada/timeline", "", "")).get("flow");
    assertThat(flow.findValuesAsText("kind")).contains("suppressed", "send");
    assertThat(flow.findValuesAsText("reason"))
        .anyMatch(r -> r.contains("frequency cap email 1/day reached"));
    assertThat(flow.findValuesAsText("outcome")).contains("frequency_cap");
  }
}
