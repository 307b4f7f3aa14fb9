package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
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

  /**
   * How many values one {@link #inList} statement binds: a statement per profile was most of what
   * reading a batch of timers' flow states, consent and history cost (statement set-up, bind,
   * reset), and a fixed count keeps one prepared statement per query instead of one per size.
   */
  static final int IN_CHUNK = 100;

  /**
   * Runs {@code sql}, whose {@code IN (%s)} takes {@link #IN_CHUNK} values (its only {@code %}: the
   * text is a format), once per chunk of {@code values}, and collects the rows; {@code after} are
   * bound behind the chunk's values. The last chunk is padded with its own last value: {@code IN}
   * tests membership, so a value listed twice matches its rows once.
   */
  static <T> List<T> inList(Connection c, String sql, Row<T> row, List<?> values, Object... after)
      throws SQLException {
    String text = sql.formatted(String.join(", ", Collections.nCopies(IN_CHUNK, "?")));
    List<T> out = new ArrayList<>();
    for (int from = 0; from < values.size(); from += IN_CHUNK) {
      Object[] args = new Object[IN_CHUNK + after.length];
      for (int i = 0; i < IN_CHUNK; i++) {
        args[i] = values.get(Math.min(from + i, values.size() - 1));
      }
      System.arraycopy(after, 0, args, IN_CHUNK, after.length);
      out.addAll(list(c, text, row, args));
    }
    return out;
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
