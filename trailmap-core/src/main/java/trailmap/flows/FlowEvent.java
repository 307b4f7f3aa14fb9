package trailmap.flows;

import java.time.Instant;
import trailmap.events.Event;
import trailmap.events.JsonValue;

/**
 * An event as a flow sees it: the name of a track (or page/screen), when it happened, and its
 * properties.
 */
public record FlowEvent(String name, Instant timestamp, JsonValue.Obj properties) {
  public FlowEvent {
    Names.requireText(name, "event name");
    Names.require(timestamp, "event timestamp");
    properties = properties == null ? JsonValue.Obj.EMPTY : properties;
  }

  /**
   * The flow's view of an ingested event; an unnamed event (identify, alias) is named by its type.
   */
  public static FlowEvent of(Event event) {
    return new FlowEvent(
        event.name().orElse(event.type().wireName()), event.timestamp(), event.properties());
  }
}
