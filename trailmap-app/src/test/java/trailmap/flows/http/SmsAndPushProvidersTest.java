package trailmap.flows.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.flows.channels.Signatures;
import trailmap.flows.runtime.OutboxMessage;
import trailmap.flows.runtime.Receiver;
import trailmap.flows.runtime.SettableClock;

/**
 * SMS and push through webhook providers named in the config file's {@code messaging.providers}, on
 * a real server with two real HTTP receivers on 127.0.0.1 standing in for the providers.
 */
class SmsAndPushProvidersTest {
  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  static final String CART_RESCUE =
      """
      id: cart-rescue
      name: Cart rescue
      trigger: {event: Cart Abandoned}
      topic: carts
      steps:
        - id: text
          sms: {provider: twilio, body: "Hi {{ traits.firstName }}, your cart is waiting"}
        - id: nudge
          push:
            provider: onesignal
            title: "Still there, {{ traits.firstName }}?"
            body: "Your {{ traits.plan | default: 'cart' }} is saved"
        - id: later
          wait: 2h
        - id: text-again
          sms: {provider: twilio, body: "Last call, {{ traits.firstName }}"}
      """;

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(T0);
  final Receiver sms = new Receiver(clock);
  final Receiver push = new Receiver(clock);
  FlowApiHarness api;

  FlowApiHarness start(String messaging) throws Exception {
    Path config = Files.writeString(dir.resolve("trailmap.yaml"), messaging);
    api = FlowApiHarness.withConfig(Files.createDirectories(dir.resolve("data")), 1, clock, config);
    return api;
  }

  String providers() {
    return """
        messaging:
          frequencyCaps:
            - {channel: sms, max: 1, per: day}
          providers:
            twilio: "%s"
            onesignal: "%s"
        """
        .formatted(sms.url("/send"), push.url("/notify"));
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
    sms.close();
    push.close();
  }

  String profileId(String user) {
    return api.expect(200, "GET", "/api/profiles/userId:" + user, "", "").get("id").asText();
  }

  OutboxMessage row(String profileId, String step) {
    return api.server.flows().outboxOf(profileId).stream()
        .filter(r -> r.step().equals(step))
        .findFirst()
        .orElseThrow();
  }

  void abandonCart(String user, Map<String, String> traits) throws InterruptedException {
    ArrayNode calls = api.calls();
    api.identify(calls, user, traits);
    api.track(calls, user, "Cart Abandoned");
    api.batch(calls);
  }

  @Test
  void aPublishedFlowTextsAndPushesThroughTheConfiguredProvidersSignedAndPersonalised()
      throws Exception {
    start(providers());
    api.publish(CART_RESCUE);
    abandonCart(
        "ann", Map.of("firstName", "Ann", "phone", "+4915112345678", "pushToken", "tok-ann-1"));
    String pid = profileId("ann");
    String secret = api.server.flowRuntime().orElseThrow().webhookSecret();

    assertThat(sms.requests).hasSize(1);
    Receiver.Request text = sms.requests.getFirst();
    assertThat(text.method()).isEqualTo("POST");
    assertThat(text.path()).isEqualTo("/send");
    assertThat(text.contentType()).isEqualTo("application/json");
    JsonNode textBody = FlowApiHarness.JSON.readTree(text.body());
    assertThat(textBody.get("channel").asText()).isEqualTo("sms");
    assertThat(textBody.get("to").asText()).isEqualTo("+4915112345678");
    assertThat(textBody.get("body").asText()).isEqualTo("Hi Ann, your cart is waiting");
    assertThat(textBody.get("topic").asText()).isEqualTo("carts");
    assertThat(textBody.get("profileId").asText()).isEqualTo(pid);
    assertThat(textBody.has("title")).isFalse();
    assertThat(text.idempotencyKey()).isEqualTo(row(pid, "text").id());
    assertThat(Signatures.verify(secret, text.signature(), text.body())).isTrue();
    assertThat(Signatures.verify(secret, text.signature(), text.body().replace("Ann", "Bob")))
        .isFalse();
    assertThat(text.signature()).startsWith("t=" + T0.getEpochSecond() + ",v1=");

    assertThat(push.requests).hasSize(1);
    Receiver.Request nudge = push.requests.getFirst();
    assertThat(nudge.path()).isEqualTo("/notify");
    JsonNode pushBody = FlowApiHarness.JSON.readTree(nudge.body());
    assertThat(pushBody.get("channel").asText()).isEqualTo("push");
    assertThat(pushBody.get("to").asText()).isEqualTo("tok-ann-1");
    assertThat(pushBody.get("title").asText()).isEqualTo("Still there, Ann?");
    assertThat(pushBody.get("body").asText()).isEqualTo("Your cart is saved");
    assertThat(nudge.idempotencyKey())
        .isEqualTo(row(pid, "nudge").id())
        .isNotEqualTo(text.idempotencyKey());
    assertThat(Signatures.verify(secret, nudge.signature(), nudge.body())).isTrue();

    assertThat(row(pid, "text").status()).isEqualTo("sent");
    assertThat(row(pid, "nudge").status()).isEqualTo("sent");
    JsonNode flow =
        api.expect(200, "GET", "/api/profiles/" + pid + "/timeline", "", "").get("flow");
    List<String> sends = new ArrayList<>();
    for (JsonNode line : flow) {
      if (line.get("kind").asText().equals("send") && line.get("outcome").asText().equals("sent")) {
        sends.add(line.get("step").asText() + " " + line.get("outboxId").asText());
      }
    }
    assertThat(sends)
        .containsExactlyInAnyOrder(
            "text " + text.idempotencyKey(), "nudge " + nudge.idempotencyKey());
  }

  @Test
  void aPerChannelCapOfOneSmsADaySuppressesTheSecondTextAndSaysWhy() throws Exception {
    start(providers());
    api.publish(CART_RESCUE);
    abandonCart(
        "bea", Map.of("firstName", "Bea", "phone", "+4915100000002", "pushToken", "tok-bea"));
    String pid = profileId("bea");

    api.advance(Duration.ofHours(2));

    assertThat(sms.requests).as("the second SMS on the same day is capped").hasSize(1);
    assertThat(push.requests).as("the cap is on sms only").hasSize(1);
    JsonNode flow =
        api.expect(200, "GET", "/api/profiles/" + pid + "/timeline", "", "").get("flow");
    JsonNode suppressed = null;
    for (JsonNode line : flow) {
      if (line.get("kind").asText().equals("suppressed")) {
        suppressed = line;
      }
    }
    assertThat(suppressed).as("a suppressed line on the timeline: " + flow).isNotNull();
    assertThat(suppressed.get("step").asText()).isEqualTo("text-again");
    assertThat(suppressed.get("outcome").asText()).isEqualTo("frequency_cap");
    assertThat(suppressed.get("reason").asText())
        .isEqualTo("suppressed: frequency cap sms 1/day reached (sent 1 since today)");

    JsonNode stats = api.expect(200, "GET", "/api/flows/cart-rescue/stats", "", "");
    assertThat(stats.at("/suppressed/total").asLong()).isEqualTo(1);
    assertThat(stats.at("/suppressed/byCause/0/cause").asText()).isEqualTo("frequency_cap");
    assertThat(stats.at("/messages/delivered").asLong()).isEqualTo(2);
  }

  @Test
  void publishingAFlowWhoseProviderIsNotConfiguredIsA409NamingItAndTheConfiguredOnes()
      throws Exception {
    start(providers());
    String flow = CART_RESCUE.replace("provider: twilio", "provider: messagebird");
    api.expect(201, "POST", "/api/flows", "application/yaml", flow);

    HttpResponse<String> refused = api.call("POST", "/api/flows/cart-rescue/publish", "", "");

    assertThat(refused.statusCode()).isEqualTo(409);
    JsonNode problem = api.json(refused);
    assertThat(problem.get("type").asText()).isEqualTo("urn:trailmap:problem:unknown-provider");
    assertThat(problem.get("detail").asText())
        .isEqualTo(
            "flow 'cart-rescue' v1: step 'text' sends sms through provider 'messagebird'; step"
                + " 'text-again' sends sms through provider 'messagebird', which the server's"
                + " config does not name under messaging.providers (configured: onesignal,"
                + " twilio); add it there with its webhook URL and restart the server, or name a"
                + " configured provider in the flow and save a new version");
    assertThat(api.expect(200, "GET", "/api/flows", "", "").get(0).get("status").asText())
        .isEqualTo("draft");
  }

  @Test
  void withoutProvidersAFlowThatTextsCannotBePublished() throws Exception {
    start("messaging:\n  frequencyCaps: []\n");
    api.expect(201, "POST", "/api/flows", "application/yaml", CART_RESCUE);

    HttpResponse<String> refused = api.call("POST", "/api/flows/cart-rescue/publish", "", "");

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(api.json(refused).get("detail").asText())
        .contains("provider 'twilio'")
        .contains("provider 'onesignal'")
        .contains("(no provider is configured)");
  }

  @Test
  void aFlowPublishedBeforeItsProviderLeftTheConfigIsDeadAtOnceWithTheReason() throws Exception {
    start(providers().replace("  onesignal:", "  other:"));
    // Published past the API's check, as a flow published under an earlier config would be.
    api.server.flows().createDraft("cart.yaml", CART_RESCUE);
    api.server.flows().publish("cart-rescue", 1, false);
    abandonCart("cy", Map.of("firstName", "Cy", "phone", "+4915100000003", "pushToken", "tok-cy"));
    String pid = profileId("cy");

    assertThat(sms.requests).hasSize(1);
    OutboxMessage nudge = row(pid, "nudge");
    assertThat(nudge.status()).isEqualTo("dead");
    assertThat(nudge.lastError().orElseThrow())
        .isEqualTo(
            "no provider 'onesignal' under messaging.providers in the server's config"
                + " (configured: other, twilio); add it with its webhook URL and restart the"
                + " server");
  }
}
