package trailmap.flows.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import trailmap.flows.channels.Templates;

/**
 * An outbox row's payload (JSON) as its channel takes it. An email is queued with its subject
 * written out but its body as the number of the body it was decided with ({@code template}, {@link
 * TemplateBodies}) and what that body's placeholders read then ({@code reads}, {@link
 * Templates#reads}); the sender writes the body out ({@code html}) just before the hand-over, the
 * same text as if it had been written when decided, on every attempt. The rendered body was ~1.3 KB
 * of every queued email's row, escaped into HTML and JSON on the flow thread: queuing the number
 * instead gave 1.19x the timers/s at 1M waiting (trailmap-bench/README.md, session 17). Payloads
 * with an {@code html} (those queued before, and those dead for want of their template) are taken
 * as they are.
 */
final class Payloads {
  static final String TEMPLATE = "template";
  static final String READS = "reads";
  static final String HTML = "html";

  private Payloads() {}

  /** Finds a body by its number; empty when there is none. */
  interface Bodies {
    Optional<String> numbered(long id);
  }

  /** Names {@code body} and what its placeholders read in an email's {@code payload}. */
  static void queueBody(ObjectNode payload, TemplateBodies.Body body, Map<String, String> reads) {
    payload.put(TEMPLATE, body.id());
    ObjectNode out = payload.putObject(READS);
    reads.forEach(out::put);
  }

  /**
   * {@code payload} with its email body written out, or as it is when it has one already or is no
   * email's; empty when the body it names is not stored (which no queued email's is).
   */
  static Optional<JsonNode> writtenOut(JsonNode payload, Bodies bodies) {
    if (payload.has(HTML) || !payload.has(TEMPLATE)) {
      return Optional.of(payload);
    }
    Optional<String> body = bodies.numbered(payload.get(TEMPLATE).asLong());
    if (body.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> reads = new TreeMap<>();
    payload.path(READS).properties().forEach(e -> reads.put(e.getKey(), e.getValue().asText()));
    ObjectNode out = payload.deepCopy();
    out.remove(TEMPLATE);
    out.remove(READS);
    out.put(HTML, Templates.fill(body.get(), reads, Templates.Escape.HTML));
    return Optional.of(out);
  }
}
