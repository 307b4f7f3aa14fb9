package trailmap.flows.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** {@code POST /api/flows/{id}/trigger}: an API-triggered flow on a real server and SMTP. */
class ApiTriggerTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  static final String RECEIPT =
      """
      id: receipt
      name: Receipt on request
      trigger:
        api: true
      entry:
        reentry: false
      steps:
        - id: receipt-email
          email: {template: receipt, subject: Your receipt, to: email}
      """;

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
    api.template("receipt", "<p>Thanks {{traits.firstName}}</p>");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aCallStartsThePublishedFlowForOneProfileOnce() throws Exception {
    api.publish(RECEIPT);
    ArrayNode calls = api.calls();
    api.identify(calls, "ann-1", Map.of("email", "ann@example.com", "firstName", "Ann"));
    api.identify(calls, "bob-1", Map.of("email", "bob@example.com"));
    api.batch(calls);

    JsonNode accepted =
        api.expect(
            202,
            "POST",
            "/api/flows/receipt/trigger",
            "application/json",
            "{\"profile\": \"userId:ann-1\"}");
    assertThat(accepted.get("accepted").asBoolean()).isTrue();
    api.expect(
        202,
        "POST",
        "/api/flows/receipt/trigger",
        "application/json",
        "{\"profile\": \"userId:ann-1\"}");
    api.settle();

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).as("no re-entry: the second call does not send again").hasSize(1);
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ann@example.com");
    assertThat(received[0].getSubject()).isEqualTo("Your receipt");
  }

  @Test
  void refusesWhatCannotStartAndSaysWhy() throws Exception {
    String body = "{\"profile\": \"userId:ann-1\"}";
    api.expect(201, "POST", "/api/flows", "application/yaml", RECEIPT);
    assertThat(
            api.expect(409, "POST", "/api/flows/receipt/trigger", "application/json", body)
                .get("detail")
                .asText())
        .contains("publish it");
    api.publish(FlowApiHarness.example("welcome.yaml"));
    assertThat(
            api.expect(409, "POST", "/api/flows/welcome/trigger", "application/json", body)
                .get("detail")
                .asText())
        .contains("api: true");
    api.expect(200, "POST", "/api/flows/receipt/publish", "", "");
    api.expect(404, "POST", "/api/flows/receipt/trigger", "application/json", body);
    api.expect(400, "POST", "/api/flows/receipt/trigger", "application/json", "{}");
    api.expect(404, "POST", "/api/flows/nope/trigger", "application/json", body);
  }
}
