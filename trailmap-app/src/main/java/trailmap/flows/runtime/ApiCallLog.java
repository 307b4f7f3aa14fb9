package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import trailmap.flows.dryrun.TriggerHistory;

/**
 * The history of API triggers in flows.db's {@code api_call_log}, which dry runs replay: {@code
 * api_calls} rows are deleted once the runtime handled them, so each call is also logged here, in
 * the same transaction. Rows older than {@link #HORIZON} are pruned as calls come in.
 */
final class ApiCallLog {
  /**
   * How long a logged call is kept: a year and a month, so a dry run over the last year, or over
   * the same month a year ago, finds every call in it. Older rows are deleted.
   */
  static final Duration HORIZON = Duration.ofDays(400);

  /**
   * Rows pruned at most per call: more than the one each call adds, so a backlog (after the clock
   * jumped, or a long pause) drains over the following calls without a long delete in one.
   */
  private static final int PRUNE_BATCH = 100;

  private ApiCallLog() {}

  /** Logs one call and prunes up to {@link #PRUNE_BATCH} rows older than the horizon. */
  static void record(Connection c, String flowId, String profileId, long atMillis)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO api_call_log (flow_id, profile_id, requested_at) VALUES (?, ?, ?)",
        flowId,
        profileId,
        atMillis);
    // By the requested_at index: reads only the rows it deletes.
    Sql.update(
        c,
        "DELETE FROM api_call_log WHERE id IN (SELECT id FROM api_call_log"
            + " WHERE requested_at < ? ORDER BY requested_at LIMIT ?)",
        atMillis - HORIZON.toMillis(),
        PRUNE_BATCH);
  }

  /** The flow's logged calls with {@code from <= requested_at < to} (each bound optional). */
  static List<TriggerHistory.Firing> read(
      Connection c, String flowId, Optional<Instant> from, Optional<Instant> to)
      throws SQLException {
    return Sql.list(
        c,
        "SELECT profile_id, requested_at FROM api_call_log WHERE flow_id = ?"
            + " AND requested_at >= ? AND requested_at < ? ORDER BY requested_at, id",
        r -> new TriggerHistory.Firing(r.getString(1), Instant.ofEpochMilli(r.getLong(2))),
        flowId,
        from.map(ApiCallLog::ceilMillis).orElse(Long.MIN_VALUE),
        to.map(ApiCallLog::ceilMillis).orElse(Long.MAX_VALUE));
  }

  /**
   * The first whole millisecond at or after {@code t}: stored milliseconds at or past it are not
   * before {@code t}.
   */
  private static long ceilMillis(Instant t) {
    long millis = t.toEpochMilli();
    return Instant.ofEpochMilli(millis).isBefore(t) ? millis + 1 : millis;
  }
}
