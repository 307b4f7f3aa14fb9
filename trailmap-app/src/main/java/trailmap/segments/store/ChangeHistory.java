package trailmap.segments.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * segments.db's {@code changes}: every transition into or out of a segment, which the flow runtime
 * follows and dry runs of segment flows replay. Rows older than {@link #HORIZON} are pruned as new
 * ones are recorded, so the table stays bounded.
 */
final class ChangeHistory {
  /**
   * How long a recorded change is kept: a year and a month, like flows.db's API call log, so a dry
   * run over the last year, or over the same month a year ago, finds every entry in it.
   */
  static final Duration HORIZON = Duration.ofDays(400);

  /**
   * Rows pruned at most per recorded change: more than the one each adds, so a backlog (after an
   * upgrade from a version that never pruned, or after the clock jumped) drains over the following
   * changes without a long delete in one transaction.
   */
  private static final int PRUNE_BATCH = 100;

  private ChangeHistory() {}

  /**
   * Records one transition at {@code at} (epoch ms) and prunes up to {@link #PRUNE_BATCH} changes
   * recorded before {@code at - HORIZON}.
   */
  static void record(
      Connection c, String segment, String profile, boolean entered, long at, String cause)
      throws SQLException {
    SegmentStore.update(
        c,
        "INSERT INTO changes (segment_id, profile_id, entered, at, cause) VALUES (?, ?, ?, ?, ?)",
        segment,
        profile,
        entered ? 1 : 0,
        at,
        cause);
    // By the changes_by_time index: reads only the rows it deletes.
    SegmentStore.update(
        c,
        "DELETE FROM changes WHERE seq IN (SELECT seq FROM changes"
            + " WHERE at < ? ORDER BY at LIMIT ?)",
        at - HORIZON.toMillis(),
        PRUNE_BATCH);
  }
}
