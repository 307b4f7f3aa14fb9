package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An email queued as its body's number and what the body's placeholders read is written out by the
 * sender with that body's text, escaped for HTML; a body that is not stored is said so.
 */
class PayloadsTest {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String BODY = "<p>Hi {{ traits.name | default: 'there' }} {{unsubscribeUrl}}</p>";

  @Test
  void aQueuedEmailIsWrittenOutWithTheBodyItNamesAndWhatItRead() throws Exception {
    ObjectNode queued = MAPPER.createObjectNode().put("to", "ann@example.com");
    Payloads.queueBody(
        queued,
        new TemplateBodies.Body(7, BODY),
        Map.of("traits.name", "Ann & Bo", "unsubscribeUrl", "https://x/u/t"));

    JsonNode out =
        Payloads.writtenOut(
                MAPPER.readTree(queued.toString()),
                id -> id == 7 ? Optional.of(BODY) : Optional.empty())
            .orElseThrow();

    assertThat(out.get(Payloads.HTML).asText()).isEqualTo("<p>Hi Ann &amp; Bo https://x/u/t</p>");
    assertThat(out.get("to").asText()).isEqualTo("ann@example.com");
    assertThat(out.has(Payloads.TEMPLATE)).isFalse();
    assertThat(out.has(Payloads.READS)).isFalse();
  }

  @Test
  void aValueItDidNotReadTakesTheDefault() throws Exception {
    ObjectNode queued = MAPPER.createObjectNode();
    Payloads.queueBody(queued, new TemplateBodies.Body(1, BODY), Map.of());

    assertThat(
            Payloads.writtenOut(queued, id -> Optional.of(BODY))
                .orElseThrow()
                .get(Payloads.HTML)
                .asText())
        .isEqualTo("<p>Hi there </p>");
  }

  @Test
  void aBodyThatIsNotStoredIsNoPayload() throws Exception {
    ObjectNode queued = MAPPER.createObjectNode();
    Payloads.queueBody(queued, new TemplateBodies.Body(3, BODY), Map.of());

    assertThat(Payloads.writtenOut(queued, id -> Optional.empty())).isEmpty();
  }

  @Test
  void aWebhookOrAnEmailWrittenOutBeforeIsTakenAsItIs() throws Exception {
    JsonNode webhook = MAPPER.readTree("{\"url\":\"https://h\",\"body\":\"{}\"}");
    JsonNode written = MAPPER.readTree("{\"to\":\"a@b.c\",\"html\":\"<p>x</p>\"}");

    assertThat(Payloads.writtenOut(webhook, id -> Optional.empty())).contains(webhook);
    assertThat(Payloads.writtenOut(written, id -> Optional.empty())).contains(written);
  }
}
