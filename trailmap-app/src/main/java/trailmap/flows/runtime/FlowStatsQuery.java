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
 * id), which the indexes of entry and exit lines ({@code activity_entered}, {@code activity_left})
 * hold, so those counts read an index alone. Each query names the kind of line it reads ({@code
 * kind = 'entered'} or {@code 'left'}): SQLite uses a partial index only for a query whose terms
 * include the index's own.
 */
final class FlowStatsQuery {
  /** Entries, distinct profiles entered and those held out, of flow {@code ?}. */
  static final String ENTERED =
      "SELECT count(*), count(DISTINCT profile_key),"
          + " count(DISTINCT CASE WHEN outcome = 'held-out' THEN profile_key END)"
          + " FROM activity WHERE flow_id = ? AND kind = 'entered'";

  /**
   * The converted profiles of flow {@code ?1} that entered it, and how many of them were held out:
   * with the entered and held-out profiles that {@link #ENTERED} counts, this gives both holdout
   * groups. It reads the converted profiles' lines and two index probes for each, where grouping
   * every entered profile to tell the groups apart sorted all of them: half a second of the flow
   * page's 1.4 s at 1M entries (trailmap-bench/README.md, session 13). Entry lines have the outcome
   * {@code entered} or {@code held-out} (DecisionWriter); naming both lets each probe search the
   * index.
   */
  static final String CONVERTED =
      "SELECT count(*), coalesce(sum(held), 0) FROM"
          + " (SELECT EXISTS (SELECT 1 FROM activity h WHERE h.flow_id = ?1 AND h.kind = 'entered'"
          + "   AND h.outcome = 'held-out' AND h.profile_key = l.profile_key) AS held"
          + "  FROM (SELECT DISTINCT profile_key FROM activity WHERE flow_id = ?1 AND kind = 'left'"
          + "   AND outcome = 'converted') l"
          + "  WHERE EXISTS (SELECT 1 FROM activity e WHERE e.flow_id = ?1 AND e.kind = 'entered'"
          + "   AND e.outcome IN ('entered', 'held-out') AND e.profile_key = l.profile_key))";

  /** Distinct profiles that left flow {@code ?}, by the outcome they left with. */
  static final String ENDED =
      "SELECT outcome, count(DISTINCT profile_key) FROM activity WHERE flow_id = ?"
          + " AND kind = 'left' GROUP BY outcome";

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
    Sql.list(c, ENDED, r -> ended.put(r.getString(1), r.getLong(2)), flowId);

    // A profile's holdout assignment is a hash of flow and profile, so it is the same on every
    // entry; "converted" is whether any of its runs reached a goal. Held out: the profiles with a
    // held-out entry; the others are the rest of those who entered.
    long[] converted = new long[2];
    Sql.list(
        c,
        CONVERTED,
        r -> {
          converted[0] = r.getLong(1);
          converted[1] = r.getLong(2);
          return null;
        },
        flowId);
    long profiles = entered[1];
    long heldOut = entered[2];
    return new FlowStats(
        entered[0],
        entered[1],
        entered[2],
        stepStats,
        suppressions,
        ended,
        new FlowStats.Group(profiles - heldOut, converted[0] - converted[1]),
        new FlowStats.Group(heldOut, converted[1]));
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
