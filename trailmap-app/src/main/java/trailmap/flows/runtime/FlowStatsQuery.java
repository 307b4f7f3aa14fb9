package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The queries behind {@link FlowStore#stats}: reads the activity, the state and outbox counts and
 * suppressions. Distinct profiles are counted by their number in flows.db (one per person, like the
 * id), which {@code activity_by_flow} holds, so those counts read the index alone.
 */
final class FlowStatsQuery {
  /** Entries, distinct profiles entered and those held out, of flow {@code ?}. */
  static final String ENTERED =
      "SELECT count(*), count(DISTINCT profile_key),"
          + " count(DISTINCT CASE WHEN outcome = 'held-out' THEN profile_key END)"
          + " FROM activity WHERE flow_id = ? AND kind = 'entered'";

  /** Per holdout group (0 outside, 1 in): profiles and those converted, of flow {@code ?, ?}. */
  static final String GROUPS =
      "SELECT e.held, count(*), count(l.profile_key) FROM"
          + " (SELECT profile_key, max(outcome = 'held-out') AS held FROM activity"
          + "  WHERE flow_id = ? AND kind = 'entered' GROUP BY profile_key) e"
          + " LEFT JOIN (SELECT DISTINCT profile_key FROM activity WHERE flow_id = ?"
          + "  AND kind = 'left' AND outcome = 'converted') l ON l.profile_key = e.profile_key"
          + " GROUP BY e.held";

  private FlowStatsQuery() {}

  static FlowStats of(Connection c, String flowId) throws SQLException {
    long[] entered = new long[3];
    Sql.list(
        c,
        ENTERED,
        r -> {
          entered[0] = r.getLong(1);
          entered[1] = r.getLong(2);
          entered[2] = r.getLong(3);
          return null;
        },
        flowId);

    Map<String, Mutable> steps = new TreeMap<>();
    Sql.list(
        c,
        "SELECT step, sum(profiles) FROM flow_counts WHERE flow_id = ? AND step <> ''"
            + " GROUP BY step HAVING sum(profiles) > 0",
        r -> steps.computeIfAbsent(r.getString(1), k -> new Mutable()).waiting = r.getLong(2),
        flowId);
    Sql.list(
        c,
        "SELECT step, status, sum(messages) FROM outbox_counts WHERE flow_id = ?"
            + " AND channel <> 'trait' GROUP BY step, status HAVING sum(messages) > 0",
        r ->
            steps
                .computeIfAbsent(r.getString(1), k -> new Mutable())
                .outbox
                .put(r.getString(2), r.getLong(3)),
        flowId);
    Sql.list(
        c,
        "SELECT step, cause, count(*) FROM suppressions WHERE flow_id = ? GROUP BY step, cause",
        r ->
            steps
                .computeIfAbsent(r.getString(1), k -> new Mutable())
                .suppressed
                .put(wire(r.getString(2)), r.getLong(3)),
        flowId);
    Map<String, FlowStats.Step> stepStats = new LinkedHashMap<>();
    steps.forEach(
        (id, m) -> stepStats.put(id, new FlowStats.Step(m.waiting, m.outbox, m.suppressed)));

    List<FlowStats.Suppression> suppressions =
        Sql.list(
            c,
            "SELECT cause, count(*), max(reason) FROM suppressions WHERE flow_id = ?"
                + " GROUP BY cause ORDER BY count(*) DESC, cause",
            r -> new FlowStats.Suppression(wire(r.getString(1)), r.getLong(2), r.getString(3)),
            flowId);

    Map<String, Long> ended = new HashMap<>();
    Sql.list(
        c,
        "SELECT outcome, count(DISTINCT profile_key) FROM activity WHERE flow_id = ?"
            + " AND kind = 'left' GROUP BY outcome",
        r -> ended.put(r.getString(1), r.getLong(2)),
        flowId);

    // A profile's holdout assignment is a hash of flow and profile, so it is the same on every
    // entry; "converted" is whether any of its runs reached a goal.
    long[] groups = new long[4];
    Sql.list(
        c,
        GROUPS,
        r -> {
          int at = r.getInt(1) == 1 ? 2 : 0;
          groups[at] = r.getLong(2);
          groups[at + 1] = r.getLong(3);
          return null;
        },
        flowId,
        flowId);
    return new FlowStats(
        entered[0],
        entered[1],
        entered[2],
        stepStats,
        suppressions,
        ended,
        new FlowStats.Group(groups[0], groups[1]),
        new FlowStats.Group(groups[2], groups[3]));
  }

  private static String wire(String cause) {
    return cause.toLowerCase(Locale.ROOT);
  }

  private static final class Mutable {
    long waiting;
    final Map<String, Long> outbox = new TreeMap<>();
    final Map<String, Long> suppressed = new TreeMap<>();
  }
}
