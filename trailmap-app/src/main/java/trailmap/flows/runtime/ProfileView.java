package trailmap.flows.runtime;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trailmap.events.JsonValue;
import trailmap.events.json.EventJson;
import trailmap.flows.FlowEvent;
import trailmap.flows.ProfileZone;
import trailmap.profiles.CurrentProfile;
import trailmap.profiles.IdentityType;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileStore;
import trailmap.profiles.StoredEvent;

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
    return of(id, profiles.current(id, eventNames, now.minus(EVENT_HORIZON)));
  }

  /** {@link #load} for each of {@code ids}, in one read of profiles.db. */
  static Map<ProfileId, Optional<ProfileView>> load(
      ProfileStore profiles, Collection<ProfileId> ids, Set<String> eventNames, Instant now) {
    Map<ProfileId, Optional<ProfileView>> out = new HashMap<>();
    profiles
        .current(ids, eventNames, now.minus(EVENT_HORIZON))
        .forEach((id, found) -> out.put(id, of(id, found)));
    return out;
  }

  private static Optional<ProfileView> of(ProfileId id, Optional<CurrentProfile> found) {
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CurrentProfile profile = found.get();
    JsonValue.Obj obj = new JsonValue.Obj(profile.traits());
    ZoneId zone = ProfileZone.of(obj).orElse(ZoneOffset.UTC);
    List<FlowEvent> events = new ArrayList<>();
    for (StoredEvent e : profile.events()) {
      events.add(FlowEvent.of(EventJson.read(e.json())));
    }
    return Optional.of(
        new ProfileView(
            id,
            obj,
            zone,
            events,
            identity(profile, IdentityType.USER_ID),
            identity(profile, IdentityType.ANONYMOUS_ID),
            !profile.identities().isEmpty()));
  }

  /** This view with only the events at or after {@code from} (as {@link #load} reads them). */
  ProfileView since(Instant from) {
    // Looked at before any copy: a view read ahead a round earlier nearly always keeps them all.
    if (events.stream().noneMatch(e -> e.timestamp().isBefore(from))) {
      return this;
    }
    List<FlowEvent> kept = events.stream().filter(e -> !e.timestamp().isBefore(from)).toList();
    return new ProfileView(id, traits, zone, kept, userId, anonymousId, identified);
  }

  private static Optional<String> identity(CurrentProfile profile, IdentityType type) {
    return profile.identities().stream()
        .filter(i -> i.type() == type)
        .map(i -> i.value())
        .findFirst();
  }
}
