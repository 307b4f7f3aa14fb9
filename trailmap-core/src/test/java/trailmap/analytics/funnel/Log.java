package trailmap.analytics.funnel;

import java.util.LinkedHashMap;
import java.util.Map;
import trailmap.analytics.EventTable;
import trailmap.analytics.EventTableBuilder;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/** A terse way to write event logs in tests: times are in minutes, channel "web", source "s". */
final class Log {
  static final long MINUTE = 60_000_000L;
  private final EventTableBuilder builder = new EventTableBuilder();

  static Log of() {
    return new Log();
  }

  /** Adds an event of {@code profile} at {@code minute} named {@code name}. */
  Log at(String profile, long minute, String name) {
    return at(profile, minute, name, JsonValue.Obj.EMPTY);
  }

  /** Adds an event with properties given as key, value, key, value, … strings. */
  Log at(String profile, long minute, String name, String... keyValues) {
    return at(profile, minute, name, obj(keyValues));
  }

  Log at(String profile, long minute, String name, JsonValue.Obj properties) {
    builder.add(profile, minute * MINUTE, name, EventType.TRACK, "web", "s", properties);
    return this;
  }

  Log on(String profile, long minute, String name, String channel) {
    builder.add(profile, minute * MINUTE, name, EventType.TRACK, channel, "s", JsonValue.Obj.EMPTY);
    return this;
  }

  Log traits(String profile, String... keyValues) {
    builder.traits(profile, obj(keyValues));
    return this;
  }

  EventTable table() {
    return builder.build();
  }

  static JsonValue.Obj obj(String... keyValues) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      fields.put(keyValues[i], new JsonValue.Str(keyValues[i + 1]));
    }
    return new JsonValue.Obj(fields);
  }
}
