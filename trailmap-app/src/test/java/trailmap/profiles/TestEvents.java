package trailmap.profiles;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/** A small builder of events for profile tests; each gets a fresh messageId. */
final class TestEvents {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final AtomicInteger NEXT = new AtomicInteger();

  private EventType type = EventType.TRACK;
  private Optional<String> name = Optional.of("Viewed");
  private Optional<String> userId = Optional.empty();
  private Optional<String> anonymousId = Optional.empty();
  private Optional<String> previousId = Optional.empty();
  private final Map<String, JsonValue> traits = new LinkedHashMap<>();
  private Instant at = T0;
  private String channel = "web";
  private String source = "web-source";
  private String messageId = "m-" + NEXT.incrementAndGet();

  static TestEvents track(String event) {
    TestEvents b = new TestEvents();
    b.name = Optional.of(event);
    return b;
  }

  static TestEvents identify() {
    TestEvents b = new TestEvents();
    b.type = EventType.IDENTIFY;
    b.name = Optional.empty();
    return b;
  }

  static TestEvents alias(String userId, String previousId) {
    TestEvents b = new TestEvents();
    b.type = EventType.ALIAS;
    b.name = Optional.empty();
    b.userId = Optional.of(userId);
    b.previousId = Optional.of(previousId);
    return b;
  }

  static TestEvents page(String name) {
    TestEvents b = new TestEvents();
    b.type = EventType.PAGE;
    b.name = Optional.of(name);
    return b;
  }

  TestEvents user(String id) {
    userId = Optional.of(id);
    return this;
  }

  TestEvents anon(String id) {
    anonymousId = Optional.of(id);
    return this;
  }

  TestEvents trait(String key, String value) {
    traits.put(key, new JsonValue.Str(value));
    return this;
  }

  TestEvents at(Instant time) {
    at = time;
    return this;
  }

  TestEvents minutes(long m) {
    return at(T0.plusSeconds(60 * m));
  }

  TestEvents channel(String c) {
    channel = c;
    return this;
  }

  TestEvents source(String s) {
    source = s;
    return this;
  }

  TestEvents id(String id) {
    messageId = id;
    return this;
  }

  Event build() {
    return new Event(
        messageId,
        type,
        name,
        userId,
        anonymousId,
        previousId,
        Optional.empty(),
        JsonValue.Obj.EMPTY,
        new JsonValue.Obj(traits),
        JsonValue.Obj.EMPTY,
        at,
        at.plusSeconds(1),
        channel,
        source);
  }
}
