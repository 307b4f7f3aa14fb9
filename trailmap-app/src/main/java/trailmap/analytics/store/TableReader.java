package trailmap.analytics.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import trailmap.analytics.EventTable;
import trailmap.analytics.EventTableBuilder;
import trailmap.events.JsonValue;
import trailmap.events.json.JsonValueStreams;
import trailmap.events.json.JsonValues;
import trailmap.maps.EventType;
import trailmap.store.StoreException;

/**
 * Reads {@code profiles.db} into an {@link EventTable} through a connection of its own, in one read
 * transaction, so traits and events are one consistent snapshot and the server's connection is
 * never held. Only the columns and JSON fields the table keeps are decoded: type, name, channel and
 * time come from columns; properties and source from the stored JSON, the rest of it is skipped.
 */
final class TableReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();
  private static final int VALUE_CACHE_LIMIT = 100_000;
  private static final EventType[] TYPES = EventType.values();

  private final Map<String, EventType> types = new HashMap<>();
  private final Map<String, JsonValue> traitValues = new HashMap<>();

  TableReader() {
    for (EventType t : TYPES) {
      types.put(t.wireName(), t);
    }
  }

  /** The table and the processor position it reflects. */
  record Snapshot(EventTable table, long position) {}

  Snapshot read(Path profilesDb, Optional<Long> fromMicros, Optional<Long> toMicros) {
    Properties settings = new Properties();
    settings.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
    try (Connection c =
        DriverManager.getConnection("jdbc:sqlite:" + profilesDb.toAbsolutePath(), settings)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA query_only = ON");
        s.execute("PRAGMA mmap_size = 268435456");
      }
      c.setAutoCommit(false); // one read transaction: one snapshot for every query
      try {
        EventTableBuilder builder = new EventTableBuilder();
        long position = position(c);
        events(c, builder, fromMicros, toMicros);
        traits(c, builder);
        return new Snapshot(builder.build(), position);
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read events from " + profilesDb + ": " + e.getMessage(), e);
    }
  }

  private static long position(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT position FROM processor WHERE id = 1")) {
      return r.next() ? r.getLong(1) : 0;
    }
  }

  private void events(
      Connection c, EventTableBuilder builder, Optional<Long> fromMicros, Optional<Long> toMicros)
      throws SQLException {
    long from = fromMicros.orElse(Long.MIN_VALUE);
    long to = toMicros.orElse(Long.MAX_VALUE);
    // Whole seconds bound the scan; the exact bounds are checked below.
    String sql =
        "SELECT profile_id, type, name, channel, event_sec, event_nano, json FROM events"
            + " WHERE event_sec >= ? AND event_sec <= ? ORDER BY position";
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setLong(1, fromMicros.map(m -> Math.floorDiv(m, 1_000_000L)).orElse(Long.MIN_VALUE));
      q.setLong(2, toMicros.map(m -> Math.floorDiv(m, 1_000_000L)).orElse(Long.MAX_VALUE));
      q.setFetchSize(10_000);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          long micros = r.getLong(5) * 1_000_000L + r.getInt(6) / 1_000;
          if (micros < from || micros >= to) {
            continue;
          }
          EventType type = types.get(r.getString(2));
          if (type == null) {
            throw new IllegalStateException(
                "unknown event type '" + r.getString(2) + "' in " + "profiles.db");
          }
          byte[] json = r.getBytes(7);
          Fields f = fields(json);
          builder.add(
              r.getString(1), micros, r.getString(3), type, r.getString(4), f.source, f.properties);
        }
      }
    }
  }

  /** The two fields of the stored JSON the table needs. */
  private record Fields(String source, JsonValue.Obj properties) {}

  private static Fields fields(byte[] json) {
    String source = "";
    JsonValue.Obj properties = JsonValue.Obj.EMPTY;
    try (JsonParser in = FACTORY.createParser(json)) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("a stored event is not a JSON object");
      }
      String field;
      while ((field = in.nextFieldName()) != null) {
        JsonToken token = in.nextToken();
        if (field.equals("properties") && token == JsonToken.START_OBJECT) {
          properties = JsonValueStreams.readObject(in);
        } else if (field.equals("source") && token == JsonToken.VALUE_STRING) {
          source = in.getText();
        } else if (token.isStructStart()) {
          in.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new StoreException("a stored event is not readable JSON: " + e.getMessage(), e);
    }
    return new Fields(source, properties);
  }

  /**
   * Current traits: per profile and name the observation with the latest event time, ties to the
   * later log position (last write wins, as {@code trailmap.profiles.Traits} decides).
   */
  private void traits(Connection c, EventTableBuilder builder) throws SQLException {
    String sql =
        "SELECT profile_id, name, value FROM traits"
            + " ORDER BY profile_id, name, event_sec, event_nano, position";
    try (Statement s = c.createStatement()) {
      s.setFetchSize(10_000);
      try (ResultSet r = s.executeQuery(sql)) {
        String profile = null;
        Map<String, JsonValue> current = new LinkedHashMap<>();
        while (r.next()) {
          String id = r.getString(1);
          if (!id.equals(profile)) {
            if (profile != null) {
              builder.traits(profile, new JsonValue.Obj(current));
            }
            profile = id;
            current.clear();
          }
          current.put(r.getString(2), traitValue(r.getString(3)));
        }
        if (profile != null) {
          builder.traits(profile, new JsonValue.Obj(current));
        }
      }
    }
  }

  private JsonValue traitValue(String json) {
    JsonValue cached = traitValues.get(json);
    if (cached != null) {
      return cached;
    }
    JsonValue value;
    try {
      value = JsonValues.of(MAPPER.readTree(json));
    } catch (IOException e) {
      throw new StoreException("a stored trait value is not JSON: " + e.getMessage(), e);
    }
    if (traitValues.size() < VALUE_CACHE_LIMIT && json.length() <= 64) {
      traitValues.put(json, value);
    }
    return value;
  }
}
