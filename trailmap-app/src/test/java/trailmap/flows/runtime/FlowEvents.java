package trailmap.flows.runtime;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import trailmap.eventlog.MemoryEventLog;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;
import trailmap.profiles.ProfileStore;

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

  /**
   * Each user starts a trial ({@code email} trait, then {@code Trial Started}) in {@code log} at
   * {@code at}, and the profile store applies all of the log.
   */
  static void startTrials(MemoryEventLog log, ProfileStore store, Instant at, List<String> users) {
    for (String user : users) {
      log.add(
          identify(user, at, Map.of("email", user + "@example.com")),
          track(user, "Trial Started", at));
    }
    applyAll(log, store);
  }

  /** The profile store applies all of {@code log} it has not applied yet. */
  static void applyAll(MemoryEventLog log, ProfileStore store) {
    while (store.position() < log.end()) {
      store.apply(log.readPage(store.position(), 1000));
    }
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
