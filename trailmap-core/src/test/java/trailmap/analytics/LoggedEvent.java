package trailmap.analytics;

import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/** One event of a test log, as it arrives, before any table is built. */
public record LoggedEvent(
    String profile,
    long micros,
    String name,
    EventType type,
    String channel,
    JsonValue.Obj properties) {}
