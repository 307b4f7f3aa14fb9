package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import trailmap.flows.engine.FlowState;
import trailmap.profiles.ProfileId;

/**
 * What one transaction's writes change beside their rows: the statistics' counts, and the flow
 * states held in memory ({@link StateCache}).
 *
 * <p>The counts: profiles per flow, version, step and last outcome ({@code flow_counts}, as {@link
 * FlowStates#save} moves states) and pending messages per flow, step and channel ({@code
 * outbox_counts}, as {@link Outbox#queue} queues them). The changes are summed as they are made and
 * written by {@link #write}, which the transaction calls before it commits: a batch of 500 wake-ups
 * in one flow then writes a count row per step its profiles moved between, not three statements per
 * timer (trailmap-bench/README.md, session 15). Until written they are nowhere but here, so a
 * transaction that fails before it writes them leaves the counts as they were, with its rows.
 *
 * <p>The sender's status changes and erasures are counted by triggers (FlowSchema), on rows whose
 * counts must already be there: a transaction that changes a message's status after queueing it
 * writes the changes first.
 *
 * <p>The states: each state written and each wake-up disarmed, in order, for {@link
 * StateCache#apply} to hold as the rows now are ({@link FlowStore#changing}).
 */
final class RoundChanges {
  private record StateKey(String flowId, int version, String step, String outcome) {}

  private record MessageKey(String flowId, String step, String channel) {}

  private final Map<StateKey, Long> states = new HashMap<>();
  private final Map<MessageKey, Long> pending = new HashMap<>();
  private final List<StateCache.Write> written = new ArrayList<>();

  /** A state counted where {@code was} is is now counted where {@code now} is. */
  void moved(String flowId, FlowStates.Counted was, FlowStates.Counted now) {
    if (!was.equals(now)) {
      state(flowId, was, -1);
      state(flowId, now, 1);
    }
  }

  /** A new state is counted where {@code now} is. */
  void added(String flowId, FlowStates.Counted now) {
    state(flowId, now, 1);
  }

  /**
   * The state {@code s} was written for the numbered profile {@code who}, with its wake-up as
   * {@link FlowStates#save} arms ({@code setAt}) or disarms ({@code cancelAt}, {@code firedAt}) it.
   */
  void saved(FlowProfiles.Numbered who, FlowState s, Long setAt, Long cancelAt, Long firedAt) {
    written.add(new StateCache.Write(who, s, setAt, cancelAt, firedAt));
  }

  /** The profile's wake-up in the flow was disarmed if it was still the one due at {@code due}. */
  void disarmed(ProfileId profile, String flowId, long due) {
    written.add(new StateCache.Write(profile, flowId, due));
  }

  /** The state writes, in the order they were made. */
  List<StateCache.Write> written() {
    return written;
  }

  /** A message was queued: one more pending on the flow's step and channel. */
  void queued(String flowId, String step, String channel) {
    pending.merge(new MessageKey(flowId, step, channel), 1L, Long::sum);
  }

  private void state(String flowId, FlowStates.Counted at, long by) {
    states.merge(new StateKey(flowId, at.version(), at.step(), at.outcome()), by, Long::sum);
  }

  /** Whether nothing is left to write. */
  boolean isEmpty() {
    return states.isEmpty() && pending.isEmpty();
  }

  /** Forgets the count changes unwritten (their transaction was rolled back). */
  void clear() {
    states.clear();
    pending.clear();
  }

  /**
   * Adds the changes to the counts and forgets them. A count that falls is only updated: one that
   * was never written stays absent, as a decrement by a statement of its own left it.
   */
  void write(Connection c) throws SQLException {
    for (Map.Entry<StateKey, Long> e : states.entrySet()) {
      StateKey k = e.getKey();
      long by = e.getValue();
      if (by > 0) {
        Sql.update(
            c,
            "INSERT INTO flow_counts VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT DO UPDATE SET profiles = profiles + excluded.profiles",
            k.flowId(),
            k.version(),
            k.step(),
            k.outcome(),
            by);
      } else if (by < 0) {
        Sql.update(
            c,
            "UPDATE flow_counts SET profiles = profiles + ?"
                + " WHERE flow_id = ? AND version = ? AND step = ? AND outcome = ?",
            by,
            k.flowId(),
            k.version(),
            k.step(),
            k.outcome());
      }
    }
    for (Map.Entry<MessageKey, Long> e : pending.entrySet()) {
      MessageKey k = e.getKey();
      Sql.update(
          c,
          "INSERT INTO outbox_counts VALUES (?, ?, ?, 'pending', ?)"
              + " ON CONFLICT DO UPDATE SET messages = messages + excluded.messages",
          k.flowId(),
          k.step(),
          k.channel(),
          e.getValue());
    }
    clear();
  }
}
