package trailmap.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema, as an append-only list of steps. Step {@code n} (1-based) moves the schema from
 * version {@code n-1} to {@code n}; SQLite's {@code PRAGMA user_version} records the version, so a
 * database is upgraded exactly once per step, in one transaction per step. Never edit a released
 * step: add a new one.
 */
final class Migrations {
  /** The steps of {@code trailmap.db}. */
  static final List<List<String>> STEPS =
      List.of(
          List.of(
              """
              CREATE TABLE maps (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                state TEXT NOT NULL,
                owner TEXT NOT NULL,
                review_by TEXT,
                latest_version INTEGER NOT NULL,
                updated_at TEXT NOT NULL
              )""",
              """
              CREATE TABLE map_versions (
                map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
                number INTEGER NOT NULL,
                document TEXT NOT NULL,
                created_at TEXT NOT NULL,
                key_id TEXT NOT NULL,
                PRIMARY KEY (map_id, number)
              )""",
              """
              CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                secret_hash TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL,
                label TEXT NOT NULL,
                created_at TEXT NOT NULL
              )"""),
          // Step 2: sources of events and the hashes of their write keys (trailmap.sources).
          List.of(
              """
              CREATE TABLE sources (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                channel TEXT NOT NULL,
                write_key_hash TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL,
                revoked_at TEXT
              )"""));

  private Migrations() {}

  /** The schema version this code writes; a newer database is refused rather than damaged. */
  static int latestVersion() {
    return STEPS.size();
  }

  /**
   * Applies the {@code steps} the database has not seen yet, one transaction per step, and refuses
   * a database written by a newer schema.
   */
  static void apply(Connection connection, String file, List<List<String>> steps)
      throws SQLException {
    int version;
    try (Statement statement = connection.createStatement();
        var rows = statement.executeQuery("PRAGMA user_version")) {
      version = rows.next() ? rows.getInt(1) : 0;
    }
    if (version > steps.size()) {
      throw new SQLException(
          file
              + " has schema version "
              + version
              + ", newer than this Trailmap understands ("
              + steps.size()
              + "); use a newer Trailmap or another --data directory");
    }
    for (int step = version; step < steps.size(); step++) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String sql : steps.get(step)) {
          statement.execute(sql);
        }
        statement.execute("PRAGMA user_version = " + (step + 1));
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }
}
