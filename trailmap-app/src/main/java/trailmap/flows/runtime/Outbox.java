package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code outbox}, {@code send_history}, {@code suppressions} and {@code activity} tables. */
final class Outbox {
  private Outbox() {}

  static final String SELECT =
      "SELECT id, flow_id, version, profile_id, step, channel, payload, status, attempts,"
          + " next_attempt_at, last_error, sent_at FROM outbox";

  static OutboxMessage row(ResultSet r) throws SQLException {
    long sent = r.getLong(12);
    boolean neverSent = r.wasNull();
    return new OutboxMessage(
        r.getString(1),
        r.getString(2),
        r.getInt(3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        r.getString(7),
        r.getString(8),
        r.getInt(9),
        Instant.ofEpochMilli(r.getLong(10)),
        Optional.ofNullable(r.getString(11)),
        neverSent ? Optional.empty() : Optional.of(Instant.ofEpochMilli(sent)));
  }

  /**
   * Empties the rendered body of up to {@code limit} messages that ended (were sent, or went dead)
   * before {@code cutoffMillis}, oldest first; the row, its status and its timeline lines stay, so
   * stats and "why did she not get it?" still answer. A cursor (outbox rowid) makes each message
   * pruned once: it stops at the first row still pending or ended too recently, and moves on when
   * that one ends. Returns how many bodies it emptied.
   */
  static int prune(Connection c, long cutoffMillis, int limit) throws SQLException {
    long after =
        Sql.one(c, "SELECT after FROM outbox_pruning WHERE id = 1", r -> r.getLong(1)).orElse(0L);
    List<Long> ended = new ArrayList<>();
    for (long[] row :
        Sql.list(
            c,
            "SELECT rowid, status IN ('sent', 'dead'), coalesce(sent_at, next_attempt_at)"
                + " FROM outbox WHERE rowid > ? ORDER BY rowid LIMIT ?",
            r -> new long[] {r.getLong(1), r.getLong(2), r.getLong(3)},
            after,
            limit)) {
      if (row[1] == 0 || row[2] >= cutoffMillis) {
        break;
      }
      ended.add(row[0]);
    }
    for (long rowid : ended) {
      Sql.update(c, "UPDATE outbox SET payload = '' WHERE rowid = ?", rowid);
    }
    if (!ended.isEmpty()) {
      Sql.update(c, "UPDATE outbox_pruning SET after = ? WHERE id = 1", ended.getLast());
    }
    return ended.size();
  }

  /**
   * {@link #queue(Connection, String, String, int, FlowProfiles.Numbered, String, String, String,
   * long, RoundChanges)} with the message's count written at once.
   */
  static boolean queue(
      Connection c,
      String id,
      String flowId,
      int version,
      FlowProfiles.Numbered who,
      String step,
      String channel,
      String payload,
      long now)
      throws SQLException {
    RoundChanges counts = new RoundChanges();
    boolean queued = queue(c, id, flowId, version, who, step, channel, payload, now, counts);
    counts.write(c);
    return queued;
  }

  /**
   * Queues a message to {@code who}; a row with this id already queued for them is left alone (a
   * replayed decision). A queued message is counted in {@code outbox_counts} through {@code
   * counts}, which the caller writes before its transaction commits, rather than by a trigger: with
   * a trigger on it every insert kept a statement journal of the pages it changed, 12 µs per
   * message against 2 µs for a statement (trailmap-bench/README.md, session 13). The sender's
   * status changes and erasures are still counted by triggers.
   */
  static boolean queue(
      Connection c,
      String id,
      String flowId,
      int version,
      FlowProfiles.Numbered who,
      String step,
      String channel,
      String payload,
      long now,
      RoundChanges counts)
      throws SQLException {
    boolean queued =
        Sql.update(
                c,
                "INSERT INTO outbox (profile_key, id, flow_id, version, profile_id, step, channel,"
                    + " payload, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?,"
                    + " ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (profile_key, id) DO NOTHING",
                who.key(),
                id,
                flowId,
                version,
                who.id(),
                step,
                channel,
                payload,
                now,
                now)
            == 1;
    if (queued) {
      counts.queued(flowId, step, channel);
    }
    return queued;
  }

  /** Rows whose (next) attempt is due, oldest first. */
  static List<OutboxMessage> due(Connection c, long now, int max) throws SQLException {
    return Sql.list(
        c,
        SELECT
            + " WHERE status IN ('pending', 'failed') AND next_attempt_at <= ?"
            + " ORDER BY next_attempt_at, id LIMIT ?",
        Outbox::row,
        now,
        max);
  }

  static void history(
      Connection c,
      String outboxId,
      FlowProfiles.Numbered who,
      String channel,
      String flowId,
      long at)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO send_history (profile_key, outbox_id, profile_id, channel, flow_id, sent_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        who.key(),
        outboxId,
        who.id(),
        channel,
        flowId,
        at);
  }

  static void activity(
      Connection c,
      FlowProfiles.Numbered who,
      long at,
      String flowId,
      int version,
      String step,
      String kind,
      String outcome,
      String reason,
      String outboxId)
      throws SQLException {
    Sql.update(
        c,
        "INSERT INTO activity (profile_key, profile_id, at, flow_id, version, step, kind,"
            + " outcome, reason, outbox_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        who.key(),
        who.id(),
        at,
        flowId,
        version,
        step,
        kind,
        outcome,
        reason,
        outboxId);
  }
}
