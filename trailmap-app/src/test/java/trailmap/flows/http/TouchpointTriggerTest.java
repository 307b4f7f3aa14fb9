package trailmap.flows.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.runtime.SettableClock;

/** Flows triggered by entering a touchpoint or a stage of a stored map, on a real server. */
class TouchpointTriggerTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final String MAP =
      """
      id: shop
      name: Shop
      state: current
      owner: CX team
      reviewBy: 2027-01-31
      personas:
        - id: sam
          name: Sam
      stages:
        - id: consider
          name: Consideration
          touchpoints:
            - id: pricing
              name: Pricing page
              channel: web
              match:
                event: Pricing
                where: {plan: pro}
      """;

  static String flow(String id, String trigger) {
    return """
        id: %s
        name: %s
        trigger:
          map: shop
          %s
        steps:
          - id: hello
            email: {template: hello, subject: "%s", to: email}
        """
        .formatted(id, id, trigger, id);
  }

  @TempDir Path dir;
  FlowApiHarness api;

  @BeforeEach
  void start() {
    api =
        new FlowApiHarness(
            dir,
            smtp.getSmtp().getPort(),
            new SettableClock(Instant.parse("2026-03-02T10:00:00Z")),
            MessagePolicy.PERMISSIVE);
    api.template("hello", "<p>Hello</p>");
    api.expect(201, "POST", "/api/maps", "application/yaml", MAP);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void anEventThatMatchesTheTouchpointStartsTheTouchpointAndStageFlows() throws Exception {
    api.publish(flow("on-pricing", "touchpoint: pricing"));
    api.publish(flow("on-consider", "stage: consider"));
    ArrayNode calls = api.calls();
    api.identify(calls, "ann-1", Map.of("email", "ann@example.com"));
    api.identify(calls, "bob-1", Map.of("email", "bob@example.com"));
    api.batch(calls);

    ArrayNode visits = api.calls();
    api.track(visits, "ann-1", "Pricing");
    ((com.fasterxml.jackson.databind.node.ObjectNode) visits.get(0))
        .putObject("properties")
        .put("plan", "pro");
    api.track(visits, "bob-1", "Pricing"); // no plan: not the touchpoint's matcher
    api.batch(visits);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    for (MimeMessage message : received) {
      assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ann@example.com");
    }
    assertThat(
            java.util.Arrays.stream(received)
                .map(
                    m -> {
                      try {
                        return m.getSubject();
                      } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                      }
                    }))
        .containsExactlyInAnyOrder("on-pricing", "on-consider");
  }
}
