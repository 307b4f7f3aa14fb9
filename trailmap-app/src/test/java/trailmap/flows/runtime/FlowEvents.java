package trailmap.flows.runtime;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/** Events for flow tests; each gets a fresh messageId. */
final class FlowEvents {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private FlowEvents() {}

  static Event identify(String user, Instant at, Map<String, String> traits) {
    Map<String, JsonValue> t = new LinkedHashMap<>();
    traits.forEach((k, v) -> t.put(k, new JsonValue.Str(v)));
    return event(EventType.IDENTIFY, Optional.empty(), user, at, new JsonValue.Obj(t));
  }

  /** An identify with traits of any JSON type (booleans, numbers). */
  static Event identify(String user, Instant at, JsonValue.Obj traits) {
    return event(EventType.IDENTIFY, Optional.empty(), user, at, traits);
  }

  static Event track(String user, String name, Instant at) {
    return event(EventType.TRACK, Optional.of(name), user, at, JsonValue.Obj.EMPTY);
  }

  private static Event event(
      EventType type, Optional<String> name, String user, Instant at, JsonValue.Obj traits) {
    return new Event(
        "fm-" + NEXT.incrementAndGet(),
        type,
        name,
        Optional.of(user),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        JsonValue.Obj.EMPTY,
        traits,
        JsonValue.Obj.EMPTY,
        at,
        at,
        "web",
        "test");
  }
}
