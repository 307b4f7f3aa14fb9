package trailmap.profiles;

import java.time.Instant;

/**
 * An event on a profile's timeline.
 *
 * @param position its log position, which orders events of equal time
 * @param name the track event or page/screen name; empty when it has none
 * @param json the event in {@link trailmap.events.json.EventJson}'s form
 */
public record StoredEvent(
    long position,
    String messageId,
    String type,
    String name,
    String channel,
    Instant timestamp,
    String json) {}
