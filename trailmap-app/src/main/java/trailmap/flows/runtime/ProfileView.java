package trailmap.flows.runtime;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trailmap.events.JsonValue;
import trailmap.events.json.EventJson;
import trailmap.flows.FlowEvent;
import trailmap.profiles.HeldIdentity;
import trailmap.profiles.IdentityType;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileRecord;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileStore;
import trailmap.profiles.StoredEvent;
import trailmap.profiles.TraitHistory;

/**
 * What the runtime reads about a profile from the profile store: current traits, time zone (the
 * {@code timezone} trait, else UTC), recent events of the names {@code did} conditions count, and
 * an identity to write trait updates back through the event log.
 *
 * @param identified whether the profile holds any identity: one whose event carried only junk
 *     values has none, and flows do not start for it
 */
record ProfileView(
    ProfileId id,
    JsonValue.Obj traits,
    ZoneId zone,
    List<FlowEvent> events,
    Optional<String> userId,
    Optional<String> anonymousId,
    boolean identified) {

  /** Events older than this are not handed to {@code did} conditions. */
  static final java.time.Duration EVENT_HORIZON = java.time.Duration.ofDays(90);

  static Optional<ProfileView> load(
      ProfileStore profiles, ProfileId id, Set<String> eventNames, Instant now) {
    // Most ids are a profile's own: only when it is not (merged into another) is it resolved.
    Optional<ProfileRecord> record =
        profiles
            .profile(id)
            .or(() -> profiles.resolve(new ProfileRef.ById(id)).flatMap(profiles::profile));
    if (record.isEmpty()) {
      return Optional.empty();
    }
    Map<String, JsonValue> traits = new LinkedHashMap<>();
    for (TraitHistory t : record.get().traits()) {
      traits.put(t.name(), t.current().value());
    }
    JsonValue.Obj obj = new JsonValue.Obj(traits);
    ZoneId zone = ZoneOffset.UTC;
    Optional<String> tz = obj.text("timezone");
    if (tz.isPresent()) {
      try {
        zone = ZoneId.of(tz.get());
      } catch (DateTimeException e) {
        zone = ZoneOffset.UTC;
      }
    }
    List<FlowEvent> events = new ArrayList<>();
    if (!eventNames.isEmpty()) {
      Instant since = now.minus(EVENT_HORIZON);
      for (StoredEvent e : profiles.events(record.get().id(), eventNames, since)) {
        events.add(FlowEvent.of(EventJson.read(e.json())));
      }
    }
    return Optional.of(
        new ProfileView(
            id,
            obj,
            zone,
            events,
            identity(record.get(), IdentityType.USER_ID),
            identity(record.get(), IdentityType.ANONYMOUS_ID),
            !record.get().identities().isEmpty()));
  }

  private static Optional<String> identity(ProfileRecord record, IdentityType type) {
    return record.identities().stream()
        .map(HeldIdentity::identity)
        .filter(i -> i.type() == type)
        .map(i -> i.value())
        .findFirst();
  }
}
