package trailmap.events;

import java.time.Instant;
import java.util.Optional;
import trailmap.maps.EventType;

/**
 * One interaction, in the Segment Spec's shape, as accepted by ingestion.
 *
 * @param messageId unique per event; ingestion is idempotent by it
 * @param type the Segment call
 * @param name the {@code event} of a track, the {@code name} of a page or screen; else empty
 * @param userId at least one of userId and anonymousId is present
 * @param previousId the old identity of an {@code alias}
 * @param groupId the group of a {@code group} call
 * @param properties track/page/screen properties; empty object when absent
 * @param traits identify/group traits (and {@code context.traits} for others); empty when absent
 * @param context the Segment context (library, ip, page, channel…); empty when absent
 * @param timestamp the event time: the client's timestamp corrected by its clock skew ({@link
 *     EventTime})
 * @param receivedAt when Trailmap received it
 * @param channel the channel: {@code context.channel}, else the source's default, else "unknown"
 * @param source the id of the source (write key) that sent it
 */
public record Event(
    String messageId,
    EventType type,
    Optional<String> name,
    Optional<String> userId,
    Optional<String> anonymousId,
    Optional<String> previousId,
    Optional<String> groupId,
    JsonValue.Obj properties,
    JsonValue.Obj traits,
    JsonValue.Obj context,
    Instant timestamp,
    Instant receivedAt,
    String channel,
    String source) {

  /** Segment's limit on a messageId; longer ones are refused at the edge. */
  public static final int MAX_ID_LENGTH = 255;

  public Event {
    if (messageId == null || messageId.isBlank() || messageId.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("messageId must be 1-255 characters");
    }
    if (type == null || timestamp == null || receivedAt == null) {
      throw new IllegalArgumentException("an event needs a type, a timestamp and receivedAt");
    }
    name = name == null ? Optional.empty() : name;
    userId = userId == null ? Optional.empty() : userId;
    anonymousId = anonymousId == null ? Optional.empty() : anonymousId;
    previousId = previousId == null ? Optional.empty() : previousId;
    groupId = groupId == null ? Optional.empty() : groupId;
    if (userId.isEmpty() && anonymousId.isEmpty()) {
      throw new IllegalArgumentException("an event needs a userId or an anonymousId");
    }
    properties = properties == null ? JsonValue.Obj.EMPTY : properties;
    traits = traits == null ? JsonValue.Obj.EMPTY : traits;
    context = context == null ? JsonValue.Obj.EMPTY : context;
    channel = channel == null || channel.isBlank() ? "unknown" : channel;
    source = source == null ? "" : source;
  }
}
