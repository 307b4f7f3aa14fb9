package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import trailmap.store.StatementCache;

/**
 * Small JDBC helpers for flows.db: positional parameters, one row mapper. Statements are prepared
 * once per connection and kept (preparing each again was a third of the runtime's time for an event
 * or a timer in the flow benchmarks); callers use them only inside the database's {@code read} or
 * {@code transaction}, which hold its lock ({@link StatementCache#of}; the database forgets them
 * when it closes).
 */
final class Sql {
  private Sql() {}

  /** Maps the current row of a result. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rows) throws SQLException;
  }

  static int update(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement s = prepare(c, sql);
    bind(s, args);
    return s.executeUpdate();
  }

  static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args)
      throws SQLException {
    PreparedStatement s = prepare(c, sql);
    bind(s, args);
    try (ResultSet rows = s.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rows.next()) {
        out.add(row.map(rows));
      }
      return out;
    }
  }

  static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args)
      throws SQLException {
    List<T> all = list(c, sql, row, args);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
  }

  private static PreparedStatement prepare(Connection c, String sql) throws SQLException {
    return StatementCache.of(c).prepare(c, sql);
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }
}
