package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import trailmap.flows.engine.FlowState;
import trailmap.profiles.ProfileId;

/**
 * Benchmark machinery (trailmap-bench, in the runtime's package to reach its statements): fires
 * wake-ups by writing only what the runtime wrote for one it fired, with the runtime's own
 * statements, and none of the work that decides it (the engine, the profile's view, consent and
 * send history, rendering). What is left is the storage a fired timer costs in flows.db: the
 * batch's flow states taken from memory as the runtime takes them ({@link StateCache}, for the
 * rows' numbers and the states they replace), the state saved, the outbox row and its count, the
 * send history and the timeline lines, 500 timers to a transaction committed as the flow thread
 * commits. Its rate is the most timers per second that this write set allows on the machine,
 * however fast the rest became.
 */
public final class StorageFloor {
  /** As many timers to a transaction as the flow thread's batch (FlowWork.TIMER_BATCH). */
  public static final int BATCH = 500;

  /** A timeline line the copied timer wrote, and whether it names the timer's message. */
  private record Line(String step, String kind, String outcome, String reason, boolean message) {}

  private final FlowStore store;
  private final String flowId;
  private final int version;
  private final FlowState state;
  private final String step;
  private final String channel;
  private final String payload;
  private final List<Line> lines;

  private StorageFloor(
      FlowStore store,
      String flowId,
      int version,
      FlowState state,
      String step,
      String channel,
      String payload,
      List<Line> lines) {
    this.store = store;
    this.flowId = flowId;
    this.version = version;
    this.state = state;
    this.step = step;
    this.channel = channel;
    this.payload = payload;
    this.lines = lines;
  }

  /**
   * Copies what the runtime wrote for the newest message the flow queued: its state in the flow
   * now, the message (step, channel, payload) and the timeline lines written with it.
   */
  public static StorageFloor copyingNewestMessage(FlowStore store, String flowId) {
    return store
        .db()
        .read(
            c -> {
              Newest newest =
                  Sql.one(
                          c,
                          "SELECT profile_key, profile_id, version, step, channel, payload,"
                              + " created_at, id FROM outbox WHERE flow_id = ?"
                              + " ORDER BY seq DESC LIMIT 1",
                          r ->
                              new Newest(
                                  r.getLong(1),
                                  new ProfileId(r.getString(2)),
                                  r.getInt(3),
                                  r.getString(4),
                                  r.getString(5),
                                  r.getString(6),
                                  r.getLong(7),
                                  r.getString(8)),
                          flowId)
                      .orElseThrow(
                          () -> new IllegalStateException("flow " + flowId + " queued nothing"));
              List<Line> lines =
                  Sql.list(
                      c,
                      "SELECT step, kind, outcome, reason, outbox_id FROM activity"
                          + " WHERE profile_key = ? AND flow_id = ? AND at = ? ORDER BY seq",
                      r ->
                          new Line(
                              r.getString(1),
                              r.getString(2),
                              r.getString(3),
                              r.getString(4),
                              newest.id().equals(r.getString(5))),
                      newest.key(),
                      flowId,
                      newest.createdAt());
              return new StorageFloor(
                  store,
                  flowId,
                  newest.version(),
                  FlowStates.of(c, newest.profile()).get(flowId),
                  newest.step(),
                  newest.channel(),
                  newest.payload(),
                  lines);
            });
  }

  /** The newest message of the flow, as the outbox holds it. */
  private record Newest(
      long key,
      ProfileId profile,
      int version,
      String step,
      String channel,
      String payload,
      long createdAt,
      String id) {}

  /**
   * The timeline lines and the messages flows.db holds so far, as the greatest {@code seq} of each
   * table (both count up from 1): what a phase wrote is the difference.
   */
  public static long[] written(FlowStore store) {
    return store
        .db()
        .read(
            c ->
                new long[] {
                  Sql.one(c, "SELECT coalesce(max(seq), 0) FROM activity", r -> r.getLong(1))
                      .orElseThrow(),
                  Sql.one(c, "SELECT coalesce(max(seq), 0) FROM outbox", r -> r.getLong(1))
                      .orElseThrow()
                });
  }

  /** The timeline lines each {@link #fire}d timer writes. */
  public int linesPerTimer() {
    return lines.size();
  }

  /**
   * Fires up to {@link #BATCH} of the flow's wake-ups due by {@code nowMillis}, earliest first (as
   * {@code FlowStates.due} finds them), in one transaction; returns how many.
   */
  public int fire(long nowMillis) {
    List<FlowStates.Due> due =
        store.db().read(c -> FlowStates.due(c, nowMillis, BATCH)).stream()
            .filter(d -> d.flowId().equals(flowId))
            .toList();
    // Counted as the runtime's rounds count (once, before the commit), the states taken from and
    // handed to the held states as its rounds do.
    RoundChanges counts = new RoundChanges();
    store.changing(
        counts,
        c -> {
          Map<ProfileId, FlowStates.Held> held =
              store.states().held(c, due.stream().map(FlowStates.Due::profile).toList());
          for (FlowStates.Due timer : due) {
            FlowStates.Held h = held.get(timer.profile());
            write(c, timer, h.number().orElseThrow(), h.states().get(flowId), nowMillis, counts);
          }
          return null;
        });
    return due.size();
  }

  private void write(
      Connection c,
      FlowStates.Due timer,
      FlowProfiles.Numbered who,
      FlowState previous,
      long now,
      RoundChanges counts)
      throws SQLException {
    FlowState next =
        new FlowState(
            timer.profile(),
            flowId,
            state.version(),
            state.entries(),
            state.lastEnteredAt(),
            state.run(),
            state.lastOutcome());
    FlowStates.save(c, who, next, null, null, timer.dueMillis(), previous, counts);
    String id = "floor-" + who.key() + "-" + timer.dueMillis();
    Outbox.queue(c, id, flowId, version, who, step, channel, payload, now, counts);
    Outbox.history(c, id, who, channel, flowId, now);
    for (Line line : lines) {
      Outbox.activity(
          c,
          who,
          now,
          flowId,
          version,
          line.step(),
          line.kind(),
          line.outcome(),
          line.reason(),
          line.message() ? id : null);
    }
  }
}
