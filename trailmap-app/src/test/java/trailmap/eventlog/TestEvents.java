package trailmap.eventlog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/** Events for log tests: a track call whose properties carry its messageId. */
final class TestEvents {
  static final Instant RECEIVED = Instant.parse("2026-11-20T10:15:30.123Z");

  private TestEvents() {}

  static Event event(String messageId) {
    return new Event(
        messageId,
        EventType.TRACK,
        Optional.of("Order Completed"),
        Optional.of("user-" + messageId.hashCode() % 17),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        new JsonValue.Obj(
            Map.of(
                "id",
                new JsonValue.Str(messageId),
                "total",
                new JsonValue.Num(42.5),
                "ok",
                new JsonValue.Bool(true))),
        JsonValue.Obj.EMPTY,
        new JsonValue.Obj(Map.of("channel", new JsonValue.Str("web"))),
        RECEIVED.minusSeconds(3),
        RECEIVED,
        "web",
        "src_test");
  }

  static List<Event> events(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> event(prefix + i)).toList();
  }

  static List<String> ids(List<EventLog.LogEntry> entries) {
    return entries.stream().map(e -> e.event().messageId()).toList();
  }
}
