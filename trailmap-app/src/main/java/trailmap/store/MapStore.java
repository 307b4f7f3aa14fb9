package trailmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapState;

/**
 * Maps with their full version history. Every save is a new version; nothing is overwritten, so any
 * version can be read back and compared. Thread-safe (through {@link Database}).
 */
public final class MapStore {
  private static final String SUMMARY_COLUMNS =
      "id, name, state, owner, review_by, latest_version, updated_at";

  private final Database db;
  private final Clock clock;

  public MapStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Every map's summary, ordered by id. */
  public List<MapSummary> list() {
    return db.read(
        c -> {
          try (PreparedStatement s =
                  c.prepareStatement("SELECT " + SUMMARY_COLUMNS + " FROM maps ORDER BY id");
              ResultSet rows = s.executeQuery()) {
            List<MapSummary> maps = new ArrayList<>();
            while (rows.next()) {
              maps.add(summary(rows));
            }
            return List.copyOf(maps);
          }
        });
  }

  public Optional<MapSummary> summary(String id) {
    return db.read(c -> summary(c, id));
  }

  /** The latest version of the map, if there is such a map. */
  public Optional<MapDocument> latest(String id) {
    return db.read(
        c ->
            document(
                c,
                "SELECT v.map_id, v.number, v.created_at, v.key_id, v.document FROM map_versions v"
                    + " JOIN maps m ON m.id = v.map_id AND m.latest_version = v.number"
                    + " WHERE v.map_id = ?",
                id,
                0));
  }

  /** Version {@code number} of the map, if both exist. */
  public Optional<MapDocument> version(String id, int number) {
    return db.read(
        c ->
            document(
                c,
                "SELECT map_id, number, created_at, key_id, document FROM map_versions"
                    + " WHERE map_id = ? AND number = ?",
                id,
                number));
  }

  /** The map's versions, oldest first; empty when there is no such map. */
  public List<MapVersion> versions(String id) {
    return db.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT map_id, number, created_at, key_id FROM map_versions"
                      + " WHERE map_id = ? ORDER BY number")) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
              List<MapVersion> versions = new ArrayList<>();
              while (rows.next()) {
                versions.add(version(rows));
              }
              return List.copyOf(versions);
            }
          }
        });
  }

  /**
   * Stores a new map as version 1.
   *
   * @param yaml the map's document, as the writer produced it
   * @return the new version, or empty when a map with this id already exists (nothing changed)
   */
  public Optional<MapVersion> create(JourneyMap map, String yaml, String keyId) {
    return db.transaction(
        c -> {
          if (summary(c, map.id()).isPresent()) {
            return Optional.empty();
          }
          Instant now = clock.instant();
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO maps (" + SUMMARY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, 1, ?)")) {
            s.setString(1, map.id());
            bindSummary(s, map, now, 2);
            s.executeUpdate();
          }
          return Optional.of(insertVersion(c, map.id(), 1, yaml, keyId, now));
        });
  }

  /**
   * Stores a new version of an existing map.
   *
   * @return the new version, or empty when there is no map with this id (nothing changed)
   */
  public Optional<MapVersion> update(JourneyMap map, String yaml, String keyId) {
    return db.transaction(
        c -> {
          Optional<MapSummary> existing = summary(c, map.id());
          if (existing.isEmpty()) {
            return Optional.empty();
          }
          int number = existing.get().version() + 1;
          Instant now = clock.instant();
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE maps SET name = ?, state = ?, owner = ?, review_by = ?, updated_at = ?,"
                      + " latest_version = ? WHERE id = ?")) {
            bindSummary(s, map, now, 1);
            s.setInt(6, number);
            s.setString(7, map.id());
            s.executeUpdate();
          }
          return Optional.of(insertVersion(c, map.id(), number, yaml, keyId, now));
        });
  }

  /** Deletes the map and all its versions; false when there was no such map. */
  public boolean delete(String id) {
    return db.transaction(
        c -> {
          try (PreparedStatement versions =
                  c.prepareStatement("DELETE FROM map_versions WHERE map_id = ?");
              PreparedStatement maps = c.prepareStatement("DELETE FROM maps WHERE id = ?")) {
            versions.setString(1, id);
            versions.executeUpdate();
            maps.setString(1, id);
            return maps.executeUpdate() == 1;
          }
        });
  }

  private static void bindSummary(PreparedStatement s, JourneyMap map, Instant now, int first)
      throws SQLException {
    s.setString(first, map.name());
    s.setString(first + 1, map.state().wireName());
    s.setString(first + 2, map.owner());
    s.setString(first + 3, map.reviewBy().map(LocalDate::toString).orElse(null));
    s.setString(first + 4, now.toString());
  }

  private static MapVersion insertVersion(
      Connection c, String id, int number, String yaml, String keyId, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO map_versions (map_id, number, document, created_at, key_id)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      s.setString(1, id);
      s.setInt(2, number);
      s.setString(3, yaml);
      s.setString(4, now.toString());
      s.setString(5, keyId);
      s.executeUpdate();
    }
    return new MapVersion(id, number, now, keyId);
  }

  private static Optional<MapSummary> summary(Connection c, String id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + SUMMARY_COLUMNS + " FROM maps WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next() ? Optional.of(summary(rows)) : Optional.empty();
      }
    }
  }

  private static Optional<MapDocument> document(Connection c, String sql, String id, int number)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, id);
      if (number > 0) {
        s.setInt(2, number);
      }
      try (ResultSet rows = s.executeQuery()) {
        return rows.next()
            ? Optional.of(new MapDocument(version(rows), rows.getString("document")))
            : Optional.empty();
      }
    }
  }

  private static MapSummary summary(ResultSet rows) throws SQLException {
    return new MapSummary(
        rows.getString("id"),
        rows.getString("name"),
        MapState.valueOf(rows.getString("state").toUpperCase(Locale.ROOT)),
        rows.getString("owner"),
        Optional.ofNullable(rows.getString("review_by")).map(LocalDate::parse),
        rows.getInt("latest_version"),
        Instant.parse(rows.getString("updated_at")));
  }

  private static MapVersion version(ResultSet rows) throws SQLException {
    return new MapVersion(
        rows.getString("map_id"),
        rows.getInt("number"),
        Instant.parse(rows.getString("created_at")),
        rows.getString("key_id"));
  }
}
