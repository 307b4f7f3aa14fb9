package trailmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept across transactions of one {@link Database}: preparing the same few
 * statements again for every event was a large part of the profile processor's time. Statements are
 * tied to the connection they were prepared on; handed another connection, the cache starts over.
 * Not thread-safe: use it only inside the database's {@code transaction} or {@code read}, which
 * hold its lock. Callers close the result sets they open, never the statements.
 */
public final class StatementCache {
  /** The caches of readers that are handed a connection rather than keep one ({@link #of}). */
  private static final Map<Connection, StatementCache> BY_CONNECTION = new ConcurrentHashMap<>();

  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private Connection owner;

  /**
   * The cache kept for {@code connection}, for static readers handed the connection inside a
   * database's read or transaction. {@link Database#close} forgets it.
   */
  public static StatementCache of(Connection connection) {
    return BY_CONNECTION.computeIfAbsent(connection, c -> new StatementCache());
  }

  /** Drops the cache kept for {@code connection}; its statements close with the connection. */
  static void forget(Connection connection) {
    BY_CONNECTION.remove(connection);
  }

  /** The statement for {@code sql} on {@code connection}, prepared on first use. */
  public PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    if (connection != owner) {
      statements.clear(); // the old connection's statements close with it
      owner = connection;
    }
    PreparedStatement statement = statements.get(sql);
    if (statement == null || statement.isClosed()) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  /** Runs an insert, update or delete with these parameters; answers the rows changed. */
  public int update(Connection connection, String sql, Object... args) throws SQLException {
    PreparedStatement statement = prepare(connection, sql);
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
    return statement.executeUpdate();
  }
}
