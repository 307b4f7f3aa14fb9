package trailmap.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import trailmap.store.Database;

/**
 * Issues, checks, lists and revokes API keys. Only a SHA-256 hash of each secret is stored, so a
 * copy of the database does not grant access, and a lost key cannot be shown again: issue a new
 * one. Thread-safe.
 */
public final class ApiKeys {
  /** The id of the key given in {@code TRAILMAP_ADMIN_KEY}. */
  public static final String ENVIRONMENT_KEY_ID = "key_env_admin";

  /** Shorter environment keys are refused: they could be guessed. */
  static final int MIN_ENVIRONMENT_KEY_LENGTH = 20;

  private final Database db;
  private final Clock clock;

  public ApiKeys(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Issues a new key; its secret is in the result and nowhere else. */
  public IssuedKey issue(Role role, String label) {
    String secret = KeySecrets.newSecret();
    ApiKey key = new ApiKey(KeySecrets.newKeyId(), role, label, clock.instant());
    db.transaction(c -> insert(c, key, KeySecrets.hash(secret)));
    return new IssuedKey(key, secret);
  }

  /**
   * Makes sure an admin can get in when the server starts.
   *
   * <p>With {@code environmentKey} present, that secret becomes (or stays) the admin key with id
   * {@value #ENVIRONMENT_KEY_ID}, and nothing is issued. Otherwise, when the store holds no key at
   * all, a new admin key is issued and returned so the caller can show it once.
   *
   * @throws IllegalArgumentException when the environment key is shorter than 20 characters
   */
  public Optional<IssuedKey> bootstrap(Optional<String> environmentKey) {
    if (environmentKey.isPresent()) {
      String secret = environmentKey.get().strip();
      if (secret.length() < MIN_ENVIRONMENT_KEY_LENGTH) {
        throw new IllegalArgumentException(
            "TRAILMAP_ADMIN_KEY is "
                + secret.length()
                + " characters, under the minimum of "
                + MIN_ENVIRONMENT_KEY_LENGTH
                + "; use a long random value, e.g. from `openssl rand -base64 32`");
      }
      ApiKey key =
          new ApiKey(ENVIRONMENT_KEY_ID, Role.ADMIN, "TRAILMAP_ADMIN_KEY", clock.instant());
      db.transaction(
          c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM api_keys WHERE id = ?")) {
              s.setString(1, ENVIRONMENT_KEY_ID);
              s.executeUpdate();
            }
            return insert(c, key, KeySecrets.hash(secret));
          });
      return Optional.empty();
    }
    if (!list().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(issue(Role.ADMIN, "first admin key"));
  }

  /** The key this secret belongs to; empty for an unknown or revoked secret. */
  public Optional<ApiKey> authenticate(String secret) {
    if (secret.isEmpty() || secret.length() > 512) {
      return Optional.empty();
    }
    return db.read(c -> find(c, "secret_hash", KeySecrets.hash(secret)));
  }

  public Optional<ApiKey> byId(String id) {
    return db.read(c -> find(c, "id", id));
  }

  /** Every key, oldest first, without secrets. */
  public List<ApiKey> list() {
    return db.read(
        c -> {
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT id, role, label, created_at FROM api_keys ORDER BY created_at, id");
              ResultSet rows = s.executeQuery()) {
            List<ApiKey> keys = new ArrayList<>();
            while (rows.next()) {
              keys.add(key(rows));
            }
            return List.copyOf(keys);
          }
        });
  }

  /** Revokes a key at once: the next request with it is refused. */
  public Revocation revoke(String id) {
    return db.transaction(
        c -> {
          Optional<ApiKey> key = find(c, "id", id);
          if (key.isEmpty()) {
            return Revocation.NOT_FOUND;
          }
          if (key.get().role() == Role.ADMIN && countAdmins(c) == 1) {
            return Revocation.LAST_ADMIN;
          }
          try (PreparedStatement s = c.prepareStatement("DELETE FROM api_keys WHERE id = ?")) {
            s.setString(1, id);
            s.executeUpdate();
          }
          return Revocation.REVOKED;
        });
  }

  private static boolean insert(Connection c, ApiKey key, String hash) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO api_keys (id, secret_hash, role, label, created_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      s.setString(1, key.id());
      s.setString(2, hash);
      s.setString(3, key.role().wireName());
      s.setString(4, key.label());
      s.setString(5, key.createdAt().toString());
      return s.executeUpdate() == 1;
    }
  }

  private static int countAdmins(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT count(*) FROM api_keys WHERE role = 'admin'")) {
      try (ResultSet rows = s.executeQuery()) {
        return rows.next() ? rows.getInt(1) : 0;
      }
    }
  }

  private static Optional<ApiKey> find(Connection c, String column, String value)
      throws SQLException {
    // column is one of two constants above, never user input.
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, role, label, created_at FROM api_keys WHERE " + column + " = ?")) {
      s.setString(1, value);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next() ? Optional.of(key(rows)) : Optional.empty();
      }
    }
  }

  private static ApiKey key(ResultSet rows) throws SQLException {
    return new ApiKey(
        rows.getString("id"),
        Role.valueOf(rows.getString("role").toUpperCase(Locale.ROOT)),
        rows.getString("label"),
        Instant.parse(rows.getString("created_at")));
  }
}
