package trailmap.events.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import trailmap.events.Event;
import trailmap.maps.EventType;

/**
 * The stored and exported JSON form of an {@link Event}: Segment's field names, times in ISO-8601
 * UTC, absent fields left out. {@code read(write(e))} equals {@code e}. Thread-safe.
 */
public final class EventJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventJson() {}

  public static ObjectNode toNode(Event e) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("messageId", e.messageId());
    out.put("type", e.type().wireName());
    e.name().ifPresent(v -> out.put(e.type() == EventType.TRACK ? "event" : "name", v));
    e.userId().ifPresent(v -> out.put("userId", v));
    e.anonymousId().ifPresent(v -> out.put("anonymousId", v));
    e.previousId().ifPresent(v -> out.put("previousId", v));
    e.groupId().ifPresent(v -> out.put("groupId", v));
    if (!e.properties().fields().isEmpty()) {
      out.set("properties", JsonValues.toNode(e.properties()));
    }
    if (!e.traits().fields().isEmpty()) {
      out.set("traits", JsonValues.toNode(e.traits()));
    }
    if (!e.context().fields().isEmpty()) {
      out.set("context", JsonValues.toNode(e.context()));
    }
    out.put("timestamp", e.timestamp().toString());
    out.put("receivedAt", e.receivedAt().toString());
    out.put("channel", e.channel());
    out.put("source", e.source());
    return out;
  }

  public static String write(Event e) {
    try {
      return MAPPER.writeValueAsString(toNode(e));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot serialise event " + e.messageId(), ex);
    }
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws IllegalArgumentException when the text is not such an event
   */
  public static Event read(String json) {
    try {
      return fromNode(MAPPER.readTree(json));
    } catch (JsonProcessingException ex) {
      throw new IllegalArgumentException("not a stored event: " + ex.getOriginalMessage(), ex);
    }
  }

  public static Event fromNode(JsonNode n) {
    EventType type =
        EventType.fromWireName(n.path("type").asText())
            .orElseThrow(() -> new IllegalArgumentException("unknown event type " + n.get("type")));
    String nameField = type == EventType.TRACK ? "event" : "name";
    return new Event(
        n.path("messageId").asText(),
        type,
        text(n, nameField),
        text(n, "userId"),
        text(n, "anonymousId"),
        text(n, "previousId"),
        text(n, "groupId"),
        JsonValues.object(n.get("properties")),
        JsonValues.object(n.get("traits")),
        JsonValues.object(n.get("context")),
        Instant.parse(n.path("timestamp").asText()),
        Instant.parse(n.path("receivedAt").asText()),
        n.path("channel").asText(),
        n.path("source").asText());
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }
}
