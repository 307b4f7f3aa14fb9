package trailmap.flows.dryrun;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import trailmap.analytics.EventTable;
import trailmap.analytics.EventTableBuilder;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;

/** Small hand-built event tables for dry-run tests. */
final class Tables {
  private final EventTableBuilder builder = new EventTableBuilder();

  static Tables of() {
    return new Tables();
  }

  /** A profile with an email address in UTC. */
  Tables profile(String id) {
    return profile(id, Map.of("email", id + "@example.com"));
  }

  Tables profile(String id, Map<String, String> traits) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    traits.forEach((k, v) -> fields.put(k, new JsonValue.Str(v)));
    builder.traits(id, new JsonValue.Obj(fields));
    return this;
  }

  Tables event(String profile, Instant at, String name) {
    builder.add(profile, micros(at), name, EventType.TRACK, "web", "website", JsonValue.Obj.EMPTY);
    return this;
  }

  Tables event(String profile, Instant at, String name, Map<String, String> properties) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    properties.forEach((k, v) -> fields.put(k, new JsonValue.Str(v)));
    builder.add(
        profile, micros(at), name, EventType.TRACK, "web", "website", new JsonValue.Obj(fields));
    return this;
  }

  EventTable build() {
    return builder.build();
  }

  static long micros(Instant at) {
    return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
  }
}
