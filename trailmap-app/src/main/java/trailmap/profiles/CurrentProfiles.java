package trailmap.profiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import trailmap.events.JsonValue;
import trailmap.events.json.JsonValues;
import trailmap.store.StatementCache;

/**
 * The current profiles of many ids at once, on the caller's connection: four statements for a chunk
 * of ids (their profiles, identities, trait values and recent events), each taking the ids as one
 * JSON array, instead of four per profile. The flow runtime reads a profile for every timer and
 * event it handles, 500 at a time; per profile, each statement's execution, its result set and the
 * calls through JDBC cost more than the rows (trailmap-bench/README.md, "Session 18").
 */
final class CurrentProfiles {
  /** Ids per statement: bounds the JSON argument and the sort of a chunk's trait rows. */
  static final int CHUNK = 500;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CurrentProfiles() {}

  /**
   * Each of {@code ids} to its profile now, as {@link ProfileStore#current(ProfileId, Set,
   * Instant)} gives it: an absorbed id gives its holder's profile, an unknown id nothing.
   */
  static Map<ProfileId, Optional<CurrentProfile>> read(
      Connection c, Collection<ProfileId> ids, Set<String> eventNames, Instant since)
      throws SQLException {
    List<String> asked = new ArrayList<>(new LinkedHashSet<>(values(ids)));
    Map<String, CurrentProfile> found = new HashMap<>();
    for (int from = 0; from < asked.size(); from += CHUNK) {
      found.putAll(
          readOwn(c, asked.subList(from, Math.min(asked.size(), from + CHUNK)), eventNames, since));
    }
    Map<ProfileId, Optional<CurrentProfile>> out = new HashMap<>();
    for (String id : asked) {
      CurrentProfile own = found.get(id);
      ProfileId key = new ProfileId(id);
      if (own != null) {
        out.put(key, Optional.of(own));
      } else {
        // Not a profile of its own: merged into another (rare; one lookup each) or unknown.
        Optional<ProfileId> holder = ProfileReader.resolve(c, new ProfileRef.ById(key));
        out.put(
            key,
            holder.isPresent() && !holder.get().equals(key)
                ? Optional.ofNullable(
                    found.computeIfAbsent(
                        holder.get().value(), h -> readOne(c, h, eventNames, since).orElse(null)))
                : Optional.empty());
      }
    }
    return out;
  }

  private static Optional<CurrentProfile> readOne(
      Connection c, String id, Set<String> eventNames, Instant since) {
    try {
      return Optional.ofNullable(readOwn(c, List.of(id), eventNames, since).get(id));
    } catch (SQLException e) {
      throw new trailmap.store.StoreException("cannot read the profile a merged id went to", e);
    }
  }

  /** The profiles among {@code ids} that exist under their own id, by id. */
  private static Map<String, CurrentProfile> readOwn(
      Connection c, List<String> ids, Set<String> eventNames, Instant since) throws SQLException {
    String array = json(ids);
    Set<String> existing = new HashSet<>();
    try (ResultSet rows =
        query(c, "SELECT id FROM profiles WHERE id IN (SELECT value FROM json_each(?))", array)) {
      while (rows.next()) {
        existing.add(rows.getString(1));
      }
    }
    if (existing.isEmpty()) {
      return Map.of();
    }
    Map<String, List<Identity>> identities = new HashMap<>();
    try (ResultSet rows =
        query(
            c,
            "SELECT profile_id, type, value FROM identities"
                + " WHERE profile_id IN (SELECT value FROM json_each(?))",
            array)) {
      while (rows.next()) {
        IdentityType type = IdentityType.fromWireName(rows.getString(2)).orElseThrow();
        identities
            .computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
            .add(new Identity(type, rows.getString(3)));
      }
    }
    Map<String, Map<String, String>> texts = new HashMap<>();
    try (ResultSet rows =
        query(
            c,
            "SELECT profile_id, name, value FROM traits"
                + " WHERE profile_id IN (SELECT value FROM json_each(?))"
                + " ORDER BY profile_id, name, event_sec, event_nano, position",
            array)) {
      while (rows.next()) {
        // The last of each name is current (TraitObservation#supersedes orders them the same).
        texts
            .computeIfAbsent(rows.getString(1), k -> new TreeMap<>())
            .put(rows.getString(2), rows.getString(3));
      }
    }
    Map<String, List<StoredEvent>> events =
        eventNames.isEmpty() ? Map.of() : eventsNamed(c, array, eventNames, since);
    Map<String, CurrentProfile> out = new HashMap<>();
    for (String id : existing) {
      List<Identity> held = identities.getOrDefault(id, new ArrayList<>());
      held.sort(Identity.ORDER);
      Map<String, JsonValue> traits = new TreeMap<>();
      texts
          .getOrDefault(id, Map.of())
          .forEach((name, text) -> traits.put(name, JsonValues.of(ProfileReader.tree(text))));
      out.put(
          id,
          new CurrentProfile(new ProfileId(id), traits, held, events.getOrDefault(id, List.of())));
    }
    return out;
  }

  /** The events of these profiles at or after {@code since} with one of {@code names}, by id. */
  private static Map<String, List<StoredEvent>> eventsNamed(
      Connection c, String ids, Set<String> names, Instant since) throws SQLException {
    Map<String, List<StoredEvent>> out = new HashMap<>();
    try (ResultSet rows =
        query(
            c,
            "SELECT profile_id, position, message_id, type, name, channel, event_sec, event_nano,"
                + " json FROM events WHERE profile_id IN (SELECT value FROM json_each(?))"
                + " AND event_sec >= ?"
                + " AND coalesce(nullif(name, ''), type) IN (SELECT value FROM json_each(?))"
                + " ORDER BY profile_id, event_sec, event_nano, position",
            ids,
            since.getEpochSecond(),
            json(new TreeSet<>(names)))) {
      while (rows.next()) {
        StoredEvent event = ProfileReader.storedEvent(rows, 2);
        if (!event.timestamp().isBefore(since)) {
          out.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(event);
        }
      }
    }
    return out;
  }

  private static ResultSet query(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement q = StatementCache.of(c).prepare(c, sql);
    for (int i = 0; i < args.length; i++) {
      q.setObject(i + 1, args[i]);
    }
    return q.executeQuery();
  }

  private static List<String> values(Collection<ProfileId> ids) {
    List<String> out = new ArrayList<>(ids.size());
    for (ProfileId id : ids) {
      out.add(id.value());
    }
    return out;
  }

  private static String json(Collection<String> values) {
    try {
      return MAPPER.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write ids as JSON", e);
    }
  }
}
