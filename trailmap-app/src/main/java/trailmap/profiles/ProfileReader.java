package trailmap.profiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
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
 * The queries behind {@link ProfileStore}'s reads, on the caller's connection. Statements are
 * prepared once per connection and kept ({@link StatementCache#of}): preparing them again for every
 * read was a tenth of the flow runtime's time.
 */
final class ProfileReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Comparator<TraitObservation> OLDEST_FIRST =
      Comparator.comparing(TraitObservation::at).thenComparingLong(TraitObservation::position);

  private ProfileReader() {}

  static Optional<ProfileId> resolve(Connection c, ProfileRef ref) throws SQLException {
    return switch (ref) {
      case ProfileRef.ById byId -> {
        Optional<String> own = one(c, "SELECT id FROM profiles WHERE id = ?", byId.id().value());
        // An absorbed profile's id still finds the profile it was merged into: merges rows move
        // with every later merge, so their profile_id is always the current holder.
        yield own.or(
                () ->
                    oneUnchecked(
                        c,
                        "SELECT profile_id FROM merges WHERE absorbed_id = ?"
                            + " ORDER BY id DESC LIMIT 1",
                        byId.id().value()))
            .map(ProfileId::new);
      }
      case ProfileRef.ByIdentity byIdentity ->
          one(
                  c,
                  "SELECT profile_id FROM identities WHERE type = ? AND value = ?",
                  byIdentity.identity().type().wireName(),
                  byIdentity.identity().value())
              .map(ProfileId::new);
    };
  }

  static Optional<ProfileRecord> profile(Connection c, ProfileId id) throws SQLException {
    String createdBy;
    Instant createdAt;
    PreparedStatement q =
        StatementCache.of(c).prepare(c, "SELECT created_by, created_at FROM profiles WHERE id = ?");
    q.setString(1, id.value());
    try (ResultSet rows = q.executeQuery()) {
      if (!rows.next()) {
        return Optional.empty();
      }
      createdBy = rows.getString(1);
      createdAt = Instant.parse(rows.getString(2));
    }
    List<HeldIdentity> identities = new ArrayList<>();
    PreparedStatement held =
        StatementCache.of(c)
            .prepare(
                c,
                "SELECT type, value, message_id, event_time FROM identities WHERE profile_id = ?");
    held.setString(1, id.value());
    try (ResultSet rows = held.executeQuery()) {
      while (rows.next()) {
        IdentityType type = IdentityType.fromWireName(rows.getString(1)).orElseThrow();
        identities.add(
            new HeldIdentity(
                new Identity(type, rows.getString(2)),
                rows.getString(3),
                Instant.parse(rows.getString(4))));
      }
    }
    identities.sort(Comparator.comparing(HeldIdentity::identity, Identity.ORDER));
    return Optional.of(
        new ProfileRecord(id, createdBy, createdAt, identities, traits(c, id), merges(c, id)));
  }

  private static List<TraitHistory> traits(Connection c, ProfileId id) throws SQLException {
    Map<String, List<TraitObservation>> byName = new TreeMap<>();
    PreparedStatement q =
        StatementCache.of(c)
            .prepare(
                c,
                "SELECT name, value, event_sec, event_nano, position, message_id FROM traits"
                    + " WHERE profile_id = ?");
    q.setString(1, id.value());
    // A trait sent with every event is the same value observed again and again: parse each stored
    // text once (values are immutable).
    Map<String, JsonValue> parsed = new HashMap<>();
    try (ResultSet rows = q.executeQuery()) {
      while (rows.next()) {
        TraitObservation o =
            new TraitObservation(
                rows.getString(1),
                parsed.computeIfAbsent(rows.getString(2), text -> JsonValues.of(tree(text))),
                Instant.ofEpochSecond(rows.getLong(3), rows.getInt(4)),
                rows.getLong(5),
                rows.getString(6));
        byName.computeIfAbsent(o.name(), n -> new ArrayList<>()).add(o);
      }
    }
    List<TraitHistory> out = new ArrayList<>();
    byName.forEach(
        (name, history) -> {
          history.sort(OLDEST_FIRST);
          out.add(new TraitHistory(name, Traits.current(history).get(name), history));
        });
    return out;
  }

  private static List<MergeRecord> merges(Connection c, ProfileId id) throws SQLException {
    List<MergeRecord> out = new ArrayList<>();
    PreparedStatement q =
        StatementCache.of(c)
            .prepare(
                c,
                "SELECT absorbed_id, identities, message_id, event_time FROM merges"
                    + " WHERE profile_id = ? ORDER BY position, id");
    q.setString(1, id.value());
    try (ResultSet rows = q.executeQuery()) {
      while (rows.next()) {
        List<Identity> identities = new ArrayList<>();
        for (JsonNode name : tree(rows.getString(2))) {
          if (ProfileRef.parse(name.asText()) instanceof ProfileRef.ByIdentity by) {
            identities.add(by.identity());
          }
        }
        out.add(
            new MergeRecord(
                id,
                new ProfileId(rows.getString(1)),
                identities,
                rows.getString(3),
                Instant.parse(rows.getString(4))));
      }
    }
    return out;
  }

  static TimelinePage timeline(Connection c, ProfileId id, TimelineQuery query)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT position, message_id, type, name, channel, event_sec, event_nano, json"
                + " FROM events WHERE profile_id = ?");
    List<Object> args = new ArrayList<>(List.of(id.value()));
    if (query.cursor().isPresent()) {
      long[] after = decode(query.cursor().get());
      sql.append(" AND (event_sec, event_nano, position) > (?, ?, ?)");
      args.addAll(List.of(after[0], after[1], after[2]));
    }
    if (query.channel().isPresent()) {
      sql.append(" AND channel = ?");
      args.add(query.channel().get());
    }
    if (query.type().isPresent()) {
      sql.append(" AND type = ?");
      args.add(query.type().get());
    }
    sql.append(" ORDER BY event_sec, event_nano, position LIMIT ?");
    args.add(query.limit() + 1);
    List<StoredEvent> events = events(c, sql.toString(), args);
    if (events.size() <= query.limit()) {
      return new TimelinePage(events, Optional.empty());
    }
    List<StoredEvent> page = events.subList(0, query.limit());
    StoredEvent last = page.getLast();
    return new TimelinePage(page, Optional.of(encode(last)));
  }

  static List<StoredEvent> allEvents(Connection c, ProfileId id) throws SQLException {
    return events(
        c,
        "SELECT position, message_id, type, name, channel, event_sec, event_nano, json"
            + " FROM events WHERE profile_id = ? ORDER BY event_sec, event_nano, position",
        List.of(id.value()));
  }

  static List<StoredEvent> eventsNamed(Connection c, ProfileId id, Set<String> names, Instant since)
      throws SQLException {
    // The names go in as one JSON array, so every set of names is the same kept statement. An
    // unnamed event is stored with name '' and goes by its type, as FlowEvent names it.
    String json;
    try {
      json = MAPPER.writeValueAsString(new TreeSet<>(names));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write event names as JSON", e);
    }
    List<StoredEvent> out = new ArrayList<>();
    for (StoredEvent e :
        events(
            c,
            "SELECT position, message_id, type, name, channel, event_sec, event_nano, json"
                + " FROM events WHERE profile_id = ? AND event_sec >= ?"
                + " AND coalesce(nullif(name, ''), type) IN (SELECT value FROM json_each(?))"
                + " ORDER BY event_sec, event_nano, position",
            List.of(id.value(), since.getEpochSecond(), json))) {
      if (!e.timestamp().isBefore(since)) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<StoredEvent> events(Connection c, String sql, List<Object> args)
      throws SQLException {
    List<StoredEvent> out = new ArrayList<>();
    PreparedStatement q = StatementCache.of(c).prepare(c, sql);
    for (int i = 0; i < args.size(); i++) {
      q.setObject(i + 1, args.get(i));
    }
    try (ResultSet rows = q.executeQuery()) {
      while (rows.next()) {
        out.add(storedEvent(rows, 1));
      }
    }
    return out;
  }

  /**
   * The event in the row's columns from {@code first} on: position, message_id, type, name,
   * channel, event_sec, event_nano, json.
   */
  static StoredEvent storedEvent(ResultSet rows, int first) throws SQLException {
    return new StoredEvent(
        rows.getLong(first),
        rows.getString(first + 1),
        rows.getString(first + 2),
        rows.getString(first + 3),
        rows.getString(first + 4),
        Instant.ofEpochSecond(rows.getLong(first + 5), rows.getInt(first + 6)),
        rows.getString(first + 7));
  }

  private static String encode(StoredEvent last) {
    String plain =
        last.timestamp().getEpochSecond()
            + ":"
            + last.timestamp().getNano()
            + ":"
            + last.position();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private static long[] decode(String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
      if (parts.length != 3) {
        throw new IllegalArgumentException("wrong number of parts");
      }
      return new long[] {
        Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cursor '"
              + cursor
              + "' is not one this server gave; pass the 'next' of the previous page, or no"
              + " cursor for the first page",
          e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is damaged: " + e.getOriginalMessage(), e);
    }
  }

  static Optional<String> one(Connection c, String sql, String... args) throws SQLException {
    PreparedStatement q = StatementCache.of(c).prepare(c, sql);
    for (int i = 0; i < args.length; i++) {
      q.setString(i + 1, args[i]);
    }
    try (ResultSet rows = q.executeQuery()) {
      return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
    }
  }

  private static Optional<String> oneUnchecked(Connection c, String sql, String arg) {
    try {
      return one(c, sql, arg);
    } catch (SQLException e) {
      throw new trailmap.store.StoreException("cannot follow a merged profile id", e);
    }
  }
}
