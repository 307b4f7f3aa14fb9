package trailmap.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import trailmap.events.Event;
import trailmap.events.EventTime;
import trailmap.events.JsonValue;
import trailmap.events.json.IsoInstants;
import trailmap.events.json.JsonValues;
import trailmap.maps.EventType;
import trailmap.sources.Source;

/**
 * Turns Segment calls (JSON objects) into {@link Event}s for one request, collecting every wrong
 * field instead of stopping at the first. Not thread-safe: one per request.
 *
 * <p>Rules: a call needs {@code userId} or {@code anonymousId} (text or number); {@code track}
 * needs {@code event}, {@code alias} {@code previousId}, {@code group} {@code groupId}; {@code
 * properties}, {@code traits}, {@code context} and {@code integrations} must be objects when
 * present; times are ISO-8601 with an offset. {@code integrations} and unknown fields are ignored.
 * A call without {@code messageId} gets a random UUID, so a retry of it cannot be recognised.
 */
final class CallReader {
  private final Source source;
  private final Instant receivedAt;
  private final int maxEventBytes;
  private final List<FieldError> invalid = new ArrayList<>();
  private final List<FieldError> oversized = new ArrayList<>();

  CallReader(Source source, Instant receivedAt, int maxEventBytes) {
    this.source = source;
    this.receivedAt = receivedAt;
    this.maxEventBytes = maxEventBytes;
  }

  /** Fields that are wrong, in request order. */
  List<FieldError> invalid() {
    return List.copyOf(invalid);
  }

  /** Calls over the per-event size limit. */
  List<FieldError> oversized() {
    return List.copyOf(oversized);
  }

  /**
   * One call.
   *
   * @param index its place in {@code batch}; empty for a single call
   * @param bytes how many bytes the call took in its batch (a single call's body is bounded before
   *     it is parsed)
   * @param pathType the type given by the endpoint ({@code /v1/track}); empty in a batch, where the
   *     call's {@code type} says it
   * @param batchContext merged under the call's own context (the call's fields win)
   * @param batchSentAt used when the call has no {@code sentAt} of its own
   * @return the event, or empty when something is wrong (recorded in {@link #invalid()})
   */
  Optional<Event> read(
      JsonNode call,
      Optional<Integer> index,
      int bytes,
      Optional<EventType> pathType,
      JsonValue.Obj batchContext,
      Optional<Instant> batchSentAt) {
    String prefix = index.map(i -> "batch[" + i + "].").orElse("");
    int before = invalid.size();
    if (!call.isObject()) {
      fail(index, prefix.isEmpty() ? "body" : "batch[" + index.get() + "]", "must be an object");
      return Optional.empty();
    }
    checkSize(bytes, index);
    Optional<EventType> type = pathType.isPresent() ? pathType : type(call, index, prefix);
    Optional<String> userId = identity(call, "userId", index, prefix);
    Optional<String> anonymousId = identity(call, "anonymousId", index, prefix);
    if (userId.isEmpty() && anonymousId.isEmpty() && !has(call, "userId", "anonymousId")) {
      fail(index, prefix + "userId", "or " + prefix + "anonymousId is required: send at least one");
    }
    Optional<String> messageId = text(call, "messageId", index, prefix);
    if (messageId.isPresent() && messageId.get().length() > Event.MAX_ID_LENGTH) {
      fail(index, prefix + "messageId", "is over " + Event.MAX_ID_LENGTH + " characters");
    }
    Optional<Instant> timestamp = time(call, "timestamp", index, prefix);
    if (timestamp.isEmpty() && !call.hasNonNull("timestamp")) {
      // RudderStack's libraries send the client's time as originalTimestamp.
      timestamp = time(call, "originalTimestamp", index, prefix);
    }
    Optional<Instant> sentAt = time(call, "sentAt", index, prefix);
    JsonValue.Obj properties = object(call, "properties", index, prefix);
    JsonValue.Obj ownTraits = object(call, "traits", index, prefix);
    JsonValue.Obj ownContext = object(call, "context", index, prefix);
    object(call, "integrations", index, prefix);
    Optional<String> name = Optional.empty();
    Optional<String> previousId = Optional.empty();
    Optional<String> groupId = Optional.empty();
    if (type.isPresent()) {
      String what = " is required for " + article(type.get()) + " call";
      switch (type.get()) {
        case TRACK -> name = required(call, "event", what, index, prefix);
        case PAGE, SCREEN -> name = text(call, "name", index, prefix);
        case ALIAS -> previousId = required(call, "previousId", what, index, prefix);
        case GROUP -> groupId = required(call, "groupId", what, index, prefix);
        case IDENTIFY -> {}
      }
    }
    if (invalid.size() > before || type.isEmpty()) {
      return Optional.empty();
    }
    JsonValue.Obj context = merge(batchContext, ownContext);
    // Group traits describe the group, so only its own count; other calls may carry the user's
    // traits in context.traits (analytics.js does), used when the call has none of its own.
    JsonValue.Obj traits =
        type.get() == EventType.GROUP || !ownTraits.fields().isEmpty()
            ? ownTraits
            : context
                .get("traits")
                .filter(JsonValue.Obj.class::isInstance)
                .map(JsonValue.Obj.class::cast)
                .orElse(JsonValue.Obj.EMPTY);
    String channel = context.text("channel").orElse(source.channel());
    return Optional.of(
        new Event(
            messageId.orElseGet(() -> UUID.randomUUID().toString()),
            type.get(),
            name,
            userId,
            anonymousId,
            previousId,
            groupId,
            properties,
            traits,
            context,
            EventTime.corrected(timestamp, sentAt.or(() -> batchSentAt), receivedAt),
            receivedAt,
            channel,
            source.id()));
  }

  /** A top-level time such as the batch's {@code sentAt}; recorded as invalid when malformed. */
  Optional<Instant> batchTime(JsonNode body, String field) {
    return time(body, field, Optional.empty(), "");
  }

  /** A top-level object such as the batch's {@code context}. */
  JsonValue.Obj batchObject(JsonNode body, String field) {
    return object(body, field, Optional.empty(), "");
  }

  private void checkSize(int size, Optional<Integer> index) {
    if (index.isEmpty()) {
      return; // a single call's body was already bounded by the same limit
    }
    if (size > maxEventBytes) {
      oversized.add(
          new FieldError(
              index,
              "batch[" + index.get() + "]",
              "batch["
                  + index.get()
                  + "] is "
                  + RequestBody.bytes(size)
                  + " of JSON, over the limit of "
                  + RequestBody.bytes(maxEventBytes)
                  + " per event ("
                  + IngestRoutes.EVENT_KNOB
                  + ")"));
    }
  }

  private Optional<EventType> type(JsonNode call, Optional<Integer> index, String prefix) {
    JsonNode node = call.get("type");
    if (node == null || node.isNull()) {
      fail(index, prefix + "type", "is required: one of " + wireNames());
      return Optional.empty();
    }
    Optional<EventType> type =
        node.isTextual() ? EventType.fromWireName(node.asText()) : Optional.empty();
    if (type.isEmpty()) {
      fail(index, prefix + "type", "is " + node + "; use one of " + wireNames());
    }
    return type;
  }

  private Optional<String> identity(
      JsonNode call, String field, Optional<Integer> index, String prefix) {
    JsonNode node = call.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isNumber()) {
      return Optional.of(node.asText());
    }
    return text(call, field, index, prefix);
  }

  private Optional<String> required(
      JsonNode call, String field, String what, Optional<Integer> index, String prefix) {
    Optional<String> value =
        call.get(field) != null && call.get(field).isNumber()
            ? Optional.of(call.get(field).asText())
            : text(call, field, index, prefix);
    if (value.isEmpty() && !isWrongType(call.get(field))) {
      fail(index, prefix + field, what.strip());
    }
    return value;
  }

  /** A non-blank text field; a non-text value is recorded as invalid. */
  private Optional<String> text(
      JsonNode call, String field, Optional<Integer> index, String prefix) {
    JsonNode node = call.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      fail(index, prefix + field, "must be a text, was " + kind(node));
      return Optional.empty();
    }
    return node.asText().isBlank() ? Optional.empty() : Optional.of(node.asText());
  }

  private Optional<Instant> time(
      JsonNode call, String field, Optional<Integer> index, String prefix) {
    JsonNode node = call.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      Optional<Instant> parsed = IsoInstants.parse(node.asText());
      if (parsed.isPresent()) {
        return parsed;
      }
    }
    fail(
        index,
        prefix + field,
        "is "
            + abbreviated(node)
            + ", not an ISO-8601 date-time with an offset such as 2026-11-23T18:00:00.000Z");
    return Optional.empty();
  }

  private JsonValue.Obj object(
      JsonNode call, String field, Optional<Integer> index, String prefix) {
    JsonNode node = call.get(field);
    if (node == null || node.isNull()) {
      return JsonValue.Obj.EMPTY;
    }
    if (!node.isObject()) {
      fail(index, prefix + field, "must be an object, was " + kind(node));
      return JsonValue.Obj.EMPTY;
    }
    try {
      return JsonValues.object(node);
    } catch (IllegalArgumentException e) {
      // JsonValue.Num refuses numbers beyond a double's range (1e400 parses as infinity).
      fail(index, prefix + field, "holds a value that cannot be stored: " + e.getMessage());
      return JsonValue.Obj.EMPTY;
    }
  }

  /** Deep merge: objects on both sides merge key by key; otherwise the call's value wins. */
  static JsonValue.Obj merge(JsonValue.Obj batch, JsonValue.Obj own) {
    if (batch.fields().isEmpty()) {
      return own;
    }
    Map<String, JsonValue> merged = new LinkedHashMap<>(batch.fields());
    own.fields()
        .forEach(
            (key, value) ->
                merged.merge(
                    key,
                    value,
                    (under, over) ->
                        under instanceof JsonValue.Obj u && over instanceof JsonValue.Obj o
                            ? merge(u, o)
                            : over));
    return new JsonValue.Obj(merged);
  }

  private void fail(Optional<Integer> index, String field, String problem) {
    invalid.add(new FieldError(index, field, field + " " + problem));
  }

  private static boolean has(JsonNode call, String... fields) {
    for (String field : fields) {
      if (isWrongType(call.get(field))) {
        return true;
      }
    }
    return false;
  }

  /** Present with a type other than text or number: already reported by the type check. */
  private static boolean isWrongType(JsonNode node) {
    return node != null && !node.isNull() && !node.isTextual() && !node.isNumber();
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case BOOLEAN -> "a boolean (" + node.asText() + ")";
      case NUMBER -> "a number (" + node.asText() + ")";
      case STRING -> "a text";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String abbreviated(JsonNode node) {
    String text = node.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private static String article(EventType type) {
    return (type == EventType.ALIAS || type == EventType.IDENTIFY ? "an " : "a ") + type.wireName();
  }

  private static String wireNames() {
    return String.join(
        ", ", java.util.Arrays.stream(EventType.values()).map(EventType::wireName).toList());
  }
}
