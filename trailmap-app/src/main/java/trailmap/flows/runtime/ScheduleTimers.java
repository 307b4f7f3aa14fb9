package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import trailmap.flows.Cron;
import trailmap.profiles.ProfileId;

/**
 * The {@code schedule_timers} and {@code schedule_seeds} tables: when each profile's schedule flow
 * fires next, and how far the sweep that gives every stored profile its first firing has got.
 *
 * <p>A schedule timer is not the flow's own wake-up ({@code flow_state.due_at}): a profile waiting
 * at a step of a weekly flow has both, the step's wake-up and the flow's next firing.
 */
final class ScheduleTimers {
  private ScheduleTimers() {}

  /**
   * The first firing of {@code cron} strictly after {@code after}, in {@code zone}, in epoch
   * milliseconds: {@link Cron#next(Instant, ZoneId)}, which the dry run uses too.
   */
  static long next(Cron cron, ZoneId zone, Instant after) {
    return cron.next(after, zone).toEpochMilli();
  }

  /** Gives the profile its next firing unless it has one already. */
  static void ensure(Connection c, String flowId, ProfileId profile, long dueMillis)
      throws SQLException {
    // Only while the flow has a sweep: archiving deletes it, and the runtime's list of schedule
    // flows may be a moment older than an archive that committed since (a row written then would
    // never come due, nor be deleted).
    Sql.update(
        c,
        "INSERT INTO schedule_timers (flow_id, profile_id, due_at) SELECT ?, ?, ?"
            + " WHERE EXISTS (SELECT 1 FROM schedule_seeds WHERE flow_id = ?)"
            + " ON CONFLICT (flow_id, profile_id) DO NOTHING",
        flowId,
        profile.value(),
        dueMillis,
        flowId);
  }

  /** Whether the profile has a firing of the flow. */
  static boolean has(Connection c, String flowId, ProfileId profile) throws SQLException {
    return Sql.one(
            c,
            "SELECT 1 FROM schedule_timers WHERE flow_id = ? AND profile_id = ?",
            r -> true,
            flowId,
            profile.value())
        .isPresent();
  }

  /**
   * Moves a firing that is due at {@code dueMillis} to {@code nextMillis}.
   *
   * @return false when the row is no longer at {@code dueMillis} (handled already)
   */
  static boolean advance(
      Connection c, String flowId, ProfileId profile, long dueMillis, long nextMillis)
      throws SQLException {
    return Sql.update(
            c,
            "UPDATE schedule_timers SET due_at = ? WHERE flow_id = ? AND profile_id = ?"
                + " AND due_at = ?",
            nextMillis,
            flowId,
            profile.value(),
            dueMillis)
        == 1;
  }

  static void delete(Connection c, String flowId, ProfileId profile) throws SQLException {
    Sql.update(
        c,
        "DELETE FROM schedule_timers WHERE flow_id = ? AND profile_id = ?",
        flowId,
        profile.value());
  }

  /** Firings due at or before {@code now} of published flows, earliest first. */
  static List<FlowStates.Due> due(Connection c, long nowMillis, int max) throws SQLException {
    return FlowStates.due(c, "schedule_timers", nowMillis, max);
  }

  /** Where the sweep of a schedule flow stands. */
  record Seed(String cron, String after, boolean done) {}

  static Optional<Seed> seed(Connection c, String flowId) throws SQLException {
    return Sql.one(
        c,
        "SELECT cron, after, done FROM schedule_seeds WHERE flow_id = ?",
        r -> new Seed(r.getString(1), r.getString(2), r.getInt(3) == 1),
        flowId);
  }

  /**
   * Starts the sweep of a flow again from the first profile for {@code cron}, dropping the firings
   * an earlier schedule of the flow set (a new version with another cron).
   */
  static void restart(Connection c, String flowId, String cron) throws SQLException {
    Sql.update(c, "DELETE FROM schedule_timers WHERE flow_id = ?", flowId);
    Sql.update(
        c,
        "INSERT INTO schedule_seeds (flow_id, cron, after, done) VALUES (?, ?, '', 0)"
            + " ON CONFLICT (flow_id) DO UPDATE SET cron = excluded.cron, after = '', done = 0",
        flowId,
        cron);
  }

  /**
   * Deletes every firing and the sweep of a flow that no longer fires on a schedule (archived, or
   * published in a version with another trigger). The runtime never deletes them itself: an
   * archived flow's firings never come due.
   */
  static void forget(Connection c, String flowId) throws SQLException {
    Sql.update(c, "DELETE FROM schedule_timers WHERE flow_id = ?", flowId);
    Sql.update(c, "DELETE FROM schedule_seeds WHERE flow_id = ?", flowId);
  }

  /** Records the sweep's progress: every profile up to {@code after} has its firing. */
  static void seeded(Connection c, String flowId, String after, boolean done) throws SQLException {
    Sql.update(
        c,
        "UPDATE schedule_seeds SET after = ?, done = ? WHERE flow_id = ?",
        after,
        done ? 1 : 0,
        flowId);
  }
}
