package trailmap.events.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/**
 * The stored and exported JSON form of an {@link Event}: Segment's field names, times in ISO-8601
 * UTC, absent fields left out. {@code read(write(e))} equals {@code e}. Thread-safe.
 */
public final class EventJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

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
    return new String(bytes(e), StandardCharsets.UTF_8);
  }

  /**
   * {@link #write}'s text as UTF-8, written straight from the event: the event log stores every
   * event this way, so no tree is built.
   */
  public static byte[] bytes(Event e) {
    try (EventEncoder encoder = encoder()) {
      return encoder.bytes(e);
    }
  }

  /** An encoder for writing many events in {@link #bytes}'s form; see {@link EventEncoder}. */
  public static EventEncoder encoder() {
    return new EventEncoder(FACTORY);
  }

  /**
   * Reads what {@link #bytes} wrote, from {@code length} bytes at {@code offset}, with the
   * streaming parser.
   *
   * @throws IllegalArgumentException when the bytes are not such an event
   */
  public static Event read(byte[] buffer, int offset, int length) {
    try (JsonParser in = FACTORY.createParser(buffer, offset, length)) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a stored event: not a JSON object");
      }
      Fields f = new Fields();
      String field;
      while ((field = in.nextFieldName()) != null) {
        JsonToken token = in.nextToken();
        switch (field) {
          case "properties" -> f.properties = objectOrEmpty(in, token);
          case "traits" -> f.traits = objectOrEmpty(in, token);
          case "context" -> f.context = objectOrEmpty(in, token);
          default -> {
            if (token.isStructStart()) {
              in.skipChildren();
            } else if (token != JsonToken.VALUE_NULL) {
              f.text(field, in.getText());
            }
          }
        }
      }
      return f.event();
    } catch (IOException ex) {
      throw new IllegalArgumentException("not a stored event: " + ex.getMessage(), ex);
    }
  }

  private static JsonValue.Obj objectOrEmpty(JsonParser in, JsonToken token) throws IOException {
    if (token == JsonToken.START_OBJECT) {
      return JsonValueStreams.readObject(in);
    }
    in.skipChildren();
    return JsonValue.Obj.EMPTY;
  }

  /** The fields of one stored event as the streaming reader meets them. */
  private static final class Fields {
    private final java.util.Map<String, String> texts = new java.util.HashMap<>();
    private JsonValue.Obj properties = JsonValue.Obj.EMPTY;
    private JsonValue.Obj traits = JsonValue.Obj.EMPTY;
    private JsonValue.Obj context = JsonValue.Obj.EMPTY;

    void text(String field, String value) {
      texts.put(field, value);
    }

    Event event() {
      EventType type =
          EventType.fromWireName(texts.getOrDefault("type", ""))
              .orElseThrow(
                  () -> new IllegalArgumentException("unknown event type " + texts.get("type")));
      return new Event(
          texts.getOrDefault("messageId", ""),
          type,
          Optional.ofNullable(texts.get(type == EventType.TRACK ? "event" : "name")),
          Optional.ofNullable(texts.get("userId")),
          Optional.ofNullable(texts.get("anonymousId")),
          Optional.ofNullable(texts.get("previousId")),
          Optional.ofNullable(texts.get("groupId")),
          properties,
          traits,
          context,
          instant(texts.get("timestamp")),
          instant(texts.get("receivedAt")),
          texts.getOrDefault("channel", ""),
          texts.getOrDefault("source", ""));
    }
  }

  /**
   * A time as {@link #write} wrote it ({@link Instant#toString}), by the hand-written path where it
   * can: {@code Instant.parse} was 7 % of reading a profile's events for the flow runtime.
   */
  private static Instant instant(String text) {
    String given = text == null ? "" : text;
    // Instant.toString writes years past 9999 with a sign, which only Instant.parse reads.
    return IsoInstants.parse(given).orElseGet(() -> Instant.parse(given));
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
        instant(n.path("timestamp").asText()),
        instant(n.path("receivedAt").asText()),
        n.path("channel").asText(),
        n.path("source").asText());
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
  }
}
