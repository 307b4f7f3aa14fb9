package trailmap.sources;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trailmap.store.Database;

/**
 * Creates, lists, checks and revokes sources and their write keys.
 *
 * <p>Only a SHA-256 hash of each write key is stored: a copy of the database does not let anybody
 * send events, and a lost key cannot be shown again (create a new source). Every {@link
 * #authenticate} reads the database, with no cache, so a revoked key is refused from the next
 * request on. A revoked source stays listed (with {@code revokedAt}) because its id is on the
 * events it sent. Thread-safe.
 */
public final class Sources {
  /** Longer presented keys are refused without hashing: no real key is that long. */
  static final int MAX_KEY_LENGTH = 512;

  private final Database db;
  private final Clock clock;

  public Sources(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Creates a source with a fresh write key, which is in the result and nowhere else.
   *
   * @throws IllegalArgumentException when name or channel is blank or longer than {@value
   *     Source#MAX_TEXT} characters
   */
  public IssuedSource create(String name, String channel) {
    Source source =
        new Source(WriteKeys.newSourceId(), name, channel, clock.instant(), Optional.empty());
    String writeKey = WriteKeys.newWriteKey();
    db.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO sources (id, name, channel, write_key_hash, created_at)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, source.id());
            s.setString(2, source.name());
            s.setString(3, source.channel());
            s.setString(4, WriteKeys.hash(writeKey));
            s.setString(5, source.createdAt().toString());
            return s.executeUpdate();
          }
        });
    return new IssuedSource(source, writeKey);
  }

  /** The active source this write key belongs to; empty for an unknown or revoked key. */
  public Optional<Source> authenticate(String writeKey) {
    if (writeKey.isEmpty() || writeKey.length() > MAX_KEY_LENGTH) {
      return Optional.empty();
    }
    String hash = WriteKeys.hash(writeKey);
    return db.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT id, name, channel, created_at, revoked_at FROM sources"
                      + " WHERE write_key_hash = ? AND revoked_at IS NULL")) {
            s.setString(1, hash);
            try (ResultSet rows = s.executeQuery()) {
              return rows.next() ? Optional.of(source(rows)) : Optional.empty();
            }
          }
        });
  }

  /** Every source, oldest first, revoked ones included, without write keys. */
  public List<Source> list() {
    return db.read(
        c -> {
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT id, name, channel, created_at, revoked_at FROM sources"
                          + " ORDER BY created_at, id");
              ResultSet rows = s.executeQuery()) {
            List<Source> sources = new ArrayList<>();
            while (rows.next()) {
              sources.add(source(rows));
            }
            return List.copyOf(sources);
          }
        });
  }

  /**
   * Revokes the source's write key at once: the next request with it is refused. Revoking a revoked
   * source changes nothing.
   *
   * @return false when there is no source with this id
   */
  public boolean revoke(String id) {
    return db.transaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE sources SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?")) {
            s.setString(1, clock.instant().toString());
            s.setString(2, id);
            return s.executeUpdate() == 1;
          }
        });
  }

  private static Source source(ResultSet rows) throws SQLException {
    String revoked = rows.getString("revoked_at");
    return new Source(
        rows.getString("id"),
        rows.getString("name"),
        rows.getString("channel"),
        Instant.parse(rows.getString("created_at")),
        revoked == null ? Optional.empty() : Optional.of(Instant.parse(revoked)));
  }
}
