package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The {@code flow_counts} table: how many profiles' states are at each flow, version, step and last
 * outcome, what the statistics read instead of counting {@code flow_state}. {@link FlowStates#save}
 * keeps it as it writes a state; an erasure's deletes are counted by a trigger (FlowSchema).
 */
final class FlowCounts {
  private FlowCounts() {}

  /** A state {@code was} counted where it was is now counted where {@code now} is. */
  static void move(Connection c, String flowId, FlowStates.Counted was, FlowStates.Counted now)
      throws SQLException {
    if (was.equals(now)) {
      return;
    }
    Sql.update(
        c,
        "UPDATE flow_counts SET profiles = profiles - 1"
            + " WHERE flow_id = ? AND version = ? AND step = ? AND outcome = ?",
        flowId,
        was.version(),
        was.step(),
        was.outcome());
    add(c, flowId, now);
  }

  /** A new state is counted. */
  static void add(Connection c, String flowId, FlowStates.Counted now) throws SQLException {
    Sql.update(
        c,
        "INSERT INTO flow_counts VALUES (?, ?, ?, ?, 1)"
            + " ON CONFLICT DO UPDATE SET profiles = profiles + 1",
        flowId,
        now.version(),
        now.step(),
        now.outcome());
  }
}
