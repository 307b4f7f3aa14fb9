package trailmap.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import trailmap.events.Event;
import trailmap.events.EventTime;
import trailmap.events.JsonValue;
import trailmap.events.json.JsonValues;
import trailmap.maps.EventType;

/**
 * Turns one Segment call (a JSON object in Segment's HTTP API shape) into an {@link Event}, with
 * the same rules as the collection API: a known {@code type}; {@code userId} or {@code
 * anonymousId}; {@code event} for track, {@code previousId} for alias, {@code groupId} for group.
 *
 * <p>Time: {@code timestamp}, else {@code originalTimestamp}; a record with neither is rejected (an
 * import without times would pile every event onto the import's own moment). When the record also
 * carries {@code sentAt} and {@code receivedAt} (an export from Segment or Trailmap), the time is
 * corrected by that clock skew as ingestion does; a record's own {@code receivedAt} is kept.
 */
final class SegmentCalls {
  private SegmentCalls() {}

  static ReadItem toItem(JsonNode call, long line, String position, ReadContext ctx) {
    if (!call.isObject()) {
      return new ReadItem.Rejected(line, "not a JSON object: each line must be one Segment call");
    }
    Optional<String> typeName = text(call, "type");
    if (typeName.isEmpty()) {
      return new ReadItem.Rejected(
          line, "type is missing: use track, identify, page, screen, group or alias");
    }
    Optional<EventType> type = EventType.fromWireName(typeName.get());
    if (type.isEmpty()) {
      return new ReadItem.Rejected(
          line,
          "type '"
              + Problems.clip(typeName.get())
              + "' is unknown: use track, identify, page, screen, group or alias");
    }
    Optional<String> userId = text(call, "userId");
    Optional<String> anonymousId = text(call, "anonymousId");
    if (userId.isEmpty() && anonymousId.isEmpty()) {
      return new ReadItem.Rejected(line, "userId or anonymousId is required");
    }
    Optional<String> name = text(call, type.get() == EventType.TRACK ? "event" : "name");
    if (type.get() == EventType.TRACK && name.isEmpty()) {
      return new ReadItem.Rejected(line, "a track call needs 'event' (the event's name)");
    }
    Optional<String> previousId = text(call, "previousId");
    if (type.get() == EventType.ALIAS && previousId.isEmpty()) {
      return new ReadItem.Rejected(line, "an alias call needs 'previousId'");
    }
    Optional<String> groupId = text(call, "groupId");
    if (type.get() == EventType.GROUP && groupId.isEmpty()) {
      return new ReadItem.Rejected(line, "a group call needs 'groupId'");
    }
    String timeField = call.hasNonNull("timestamp") ? "timestamp" : "originalTimestamp";
    Optional<String> timeText = text(call, timeField);
    if (timeText.isEmpty()) {
      return new ReadItem.Rejected(line, "timestamp is missing: an imported event needs its time");
    }
    Optional<Instant> timestamp = Timestamps.parse(timeText.get());
    if (timestamp.isEmpty()) {
      return new ReadItem.Rejected(line, Timestamps.problem(timeField, timeText.get()));
    }
    Optional<Instant> ownReceivedAt = text(call, "receivedAt").flatMap(Timestamps::parse);
    Optional<Instant> sentAt = text(call, "sentAt").flatMap(Timestamps::parse);
    Instant receivedAt = ownReceivedAt.orElse(ctx.receivedAt());
    Instant time =
        ownReceivedAt.isPresent()
            ? EventTime.corrected(timestamp, sentAt, receivedAt)
            : timestamp.get();
    Optional<String> messageId = text(call, "messageId");
    if (messageId.isPresent() && messageId.get().length() > Event.MAX_ID_LENGTH) {
      return new ReadItem.Rejected(
          line, "messageId is " + messageId.get().length() + " characters, over the limit of 255");
    }
    JsonValue.Obj context = JsonValues.object(call.get("context"));
    boolean hasOwnTraits = type.get() == EventType.IDENTIFY || type.get() == EventType.GROUP;
    JsonValue.Obj traits =
        hasOwnTraits
            ? JsonValues.object(call.get("traits"))
            : JsonValues.object(call.path("context").get("traits"));
    Event event =
        new Event(
            messageId.orElseGet(() -> MessageIds.derive(ctx.fileName(), position)),
            type.get(),
            name,
            userId,
            anonymousId,
            previousId,
            groupId,
            JsonValues.object(call.get("properties")),
            traits,
            context,
            time,
            receivedAt,
            context.text("channel").orElse(ctx.channel()),
            ctx.source());
    return new ReadItem.Parsed(line, event);
  }

  /** A string or number field as text; blank strings, objects and arrays count as absent. */
  private static Optional<String> text(JsonNode call, String field) {
    JsonNode v = call.get(field);
    if (v == null || !(v.isTextual() || v.isNumber())) {
      return Optional.empty();
    }
    String s = v.asText();
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }
}
