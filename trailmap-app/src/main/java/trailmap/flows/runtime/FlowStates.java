package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import trailmap.flows.Flow;
import trailmap.flows.engine.FlowState;
import trailmap.flows.engine.Run;
import trailmap.profiles.ProfileId;

/** The {@code flow_state} table: each profile's state in each flow, and its wake-up. */
final class FlowStates {
  private FlowStates() {}

  /** Every flow state of a profile, by flow id. */
  static Map<String, FlowState> of(Connection c, ProfileId profile) throws SQLException {
    return held(c, profile).states();
  }

  /**
   * A profile's flow states by flow id, the wake-ups armed for them ({@code due_at}) by flow id,
   * and the profile's number when it was read with them. The armed time is the row's, not the
   * state's {@link FlowState#wakeAt}: a fired wake-up the engine had nothing to do for is disarmed
   * while the state keeps its time.
   */
  static final class Held {
    private final Map<String, FlowState> states = new LinkedHashMap<>();
    private final Map<String, Long> armed = new HashMap<>();
    private FlowProfiles.Numbered number;

    private Held() {}

    /** A profile in no flow: maps the round may fill. */
    static Held none() {
      return new Held();
    }

    /** Maps to fill for the profile numbered {@code number} (null for none yet). */
    static Held numbered(FlowProfiles.Numbered number) {
      Held held = new Held();
      held.number = number;
      return held;
    }

    Map<String, FlowState> states() {
      return states;
    }

    Map<String, Long> armed() {
      return armed;
    }

    /**
     * The profile's number, read in the same statement as its rows: empty for a profile with no
     * state (which may still have a number). Good as long as the rows are.
     */
    Optional<FlowProfiles.Numbered> number() {
      return Optional.ofNullable(number);
    }

    /** Adds the row's profile_key, flow_id, state and due_at, which start at column {@code at}. */
    private Void add(ProfileId profile, ResultSet r, int at) throws SQLException {
      return add(profile, r, at, null);
    }

    /**
     * {@link #add(ProfileId, ResultSet, int)} with each flow id taken from {@code flowIds} (its
     * first copy kept there), so that rows read by the million share one copy of each.
     */
    Void add(ProfileId profile, ResultSet r, int at, Map<String, String> flowIds)
        throws SQLException {
      number = FlowProfiles.read(r.getLong(at), profile.value());
      String read = r.getString(at + 1);
      String flowId = flowIds == null ? read : flowIds.computeIfAbsent(read, f -> f);
      states.put(flowId, StateCodec.read(profile, flowId, r.getString(at + 2)));
      long due = r.getLong(at + 3);
      if (!r.wasNull()) {
        armed.put(flowId, due);
      }
      return null;
    }
  }

  static Held held(Connection c, ProfileId profile) throws SQLException {
    Held held = Held.none();
    Sql.list(
        c,
        "SELECT p.profile_key, s.flow_id, s.state, s.due_at FROM flow_profiles p"
            + " JOIN flow_state s ON s.profile_key = p.profile_key WHERE p.profile_id = ?",
        r -> held.add(profile, r, 1),
        profile.value());
    return held;
  }

  /**
   * The query of {@link #held(Connection, List)}, its {@code IN} list to fill ({@link Sql#inList}).
   */
  static final String HELD_IN =
      "SELECT p.profile_id, p.profile_key, s.flow_id, s.state, s.due_at FROM flow_profiles p"
          + " JOIN flow_state s ON s.profile_key = p.profile_key WHERE p.profile_id IN (%s)";

  /**
   * {@link #held} for each of {@code profiles} (distinct), {@link Sql#IN_CHUNK} to a statement; a
   * profile with no state has none in the map.
   */
  static Map<ProfileId, Held> held(Connection c, List<ProfileId> profiles) throws SQLException {
    Map<ProfileId, Held> out = new HashMap<>();
    Sql.inList(
        c,
        HELD_IN,
        r -> {
          ProfileId profile = new ProfileId(r.getString(1));
          return out.computeIfAbsent(profile, k -> Held.none()).add(profile, r, 2);
        },
        profiles.stream().map(ProfileId::value).toList());
    return out;
  }

  /**
   * Writes the state with its wake-up: {@code setAt} arms it (the profile wakes then), else {@code
   * cancelAt} disarms it if it is still the one armed; with neither the wake-up stays as it is.
   * These are the engine's {@code TimerSet} and {@code TimerCancelled} decisions, which it makes
   * exactly when the state's wake-up time changes.
   */
  static void save(Connection c, FlowState s, Long setAt, Long cancelAt) throws SQLException {
    save(c, FlowProfiles.number(c, s.profile().value()), s, setAt, cancelAt, null, null);
  }

  /**
   * {@link #save(Connection, FlowProfiles.Numbered, FlowState, Long, Long, Long, FlowState,
   * RoundChanges)} with the state's count written at once. The held states ({@link StateCache}) are
   * not told: the caller forgets the profile there ({@link FlowStore#publish} forgets those it
   * migrates) or runs with no runtime on the file.
   */
  static void save(
      Connection c,
      FlowProfiles.Numbered who,
      FlowState s,
      Long setAt,
      Long cancelAt,
      Long firedAt,
      FlowState previous)
      throws SQLException {
    RoundChanges counts = new RoundChanges();
    save(c, who, s, setAt, cancelAt, firedAt, previous, counts);
    counts.write(c);
  }

  /**
   * {@link #save(Connection, FlowState, Long, Long)} for the numbered profile {@code who}, that
   * also disarms the wake-up {@code firedAt} if it is still the one armed: the wake-up being fired,
   * disarmed in the statement that writes what it caused rather than in one of its own before
   * (which was a tenth of a timer's time).
   *
   * <p>{@code previous} is the state the caller read for the row (null when it read none): the row
   * is then updated in place, if it still holds that state's version, step and outcome, and {@code
   * flow_counts} moves the profile from the previous state's count to the new one's. Otherwise the
   * row is read first and inserted or updated. The move is added to {@code counts}, which the
   * caller writes before its transaction commits, and the write for the held states to take ({@link
   * StateCache}). The counts were kept by triggers on {@code flow_state} until a schema step
   * dropped them: a statement on a table with a trigger keeps a statement journal of every page it
   * changes (trailmap-bench/README.md, session 14).
   */
  static void save(
      Connection c,
      FlowProfiles.Numbered who,
      FlowState s,
      Long setAt,
      Long cancelAt,
      Long firedAt,
      FlowState previous,
      RoundChanges counts)
      throws SQLException {
    if (!who.id().equals(s.profile().value())) {
      throw new IllegalArgumentException(
          "the state of " + s.profile() + " cannot be saved under " + who.id() + "'s number");
    }
    Counted next = Counted.of(s);
    if (previous != null) {
      Counted was = Counted.of(previous);
      if (Sql.update(c, UPDATE + " AND " + UNCHANGED, row(who, s, setAt, cancelAt, firedAt, was))
          == 1) {
        counts.moved(s.flowId(), was, next);
        counts.saved(who, s, setAt, cancelAt, firedAt);
        return;
      }
    }
    Optional<Counted> stored =
        Sql.one(
            c,
            "SELECT version, coalesce(step, ''), coalesce(outcome, '') FROM flow_state"
                + " WHERE profile_key = ? AND flow_id = ?",
            r -> new Counted(r.getInt(1), r.getString(2), r.getString(3)),
            who.key(),
            s.flowId());
    if (stored.isPresent()) {
      Sql.update(c, UPDATE, row(who, s, setAt, cancelAt, firedAt, null));
      counts.moved(s.flowId(), stored.get(), next);
    } else {
      Sql.update(
          c,
          "INSERT INTO flow_state (profile_key, flow_id, profile_id, version, step, entered_at,"
              + " entries, variant, outcome, state, due_at)"
              + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
          Arrays.copyOf(row(who, s, setAt, cancelAt, null, null), 11));
      counts.added(s.flowId(), next);
    }
    counts.saved(who, s, setAt, cancelAt, firedAt);
  }

  /**
   * The row's update: the state's JSON and the columns the statistics and readers use beside it (?4
   * to ?10), then the wake-up's three times (?11 to ?13: arm, cancel, fired), by key (?1, ?2).
   */
  private static final String UPDATE =
      "UPDATE flow_state SET version = ?4, step = ?5, entered_at = ?6, entries = ?7,"
          + " variant = ?8, outcome = ?9, state = ?10, due_at = CASE WHEN ?11 IS NOT NULL THEN ?11"
          + " WHEN due_at = ?12 OR due_at = ?13 THEN NULL ELSE due_at END"
          + " WHERE profile_key = ?1 AND flow_id = ?2";

  /** The row still counts where the caller's previous state did (?14 to ?16). */
  private static final String UNCHANGED =
      "version = ?14 AND coalesce(step, '') = ?15 AND coalesce(outcome, '') = ?16";

  private static Object[] row(
      FlowProfiles.Numbered who,
      FlowState s,
      Long setAt,
      Long cancelAt,
      Long firedAt,
      Counted was) {
    Object[] row = {
      who.key(),
      s.flowId(),
      s.profile().value(),
      s.version(),
      s.run().map(Run::step).orElse(null),
      s.lastEnteredAt().map(t -> t.toEpochMilli()).orElse(null),
      s.entries(),
      s.run().map(r -> variants(r.variants())).orElse(null),
      s.lastOutcome().map(Enum::name).orElse(null),
      StateCodec.write(s),
      setAt,
      cancelAt,
      firedAt
    };
    if (was == null) {
      return row;
    }
    Object[] checked = Arrays.copyOf(row, row.length + 3);
    checked[13] = was.version();
    checked[14] = was.step();
    checked[15] = was.outcome();
    return checked;
  }

  /**
   * Where a state counts in {@code flow_counts}: its version, step and last outcome, {@code ''} for
   * none (the table's key has no nulls).
   */
  record Counted(int version, String step, String outcome) {
    static Counted of(FlowState s) {
      return new Counted(
          s.version(),
          s.run().map(Run::step).orElse(""),
          s.lastOutcome().map(Enum::name).orElse(""));
    }
  }

  /**
   * The {@code variant} column: {@code split=variant} pairs by split id, so one combination reads
   * the same whichever order the run's map (which keeps none) gives them in.
   */
  private static String variants(Map<String, String> variants) {
    if (variants.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    new TreeMap<>(variants)
        .forEach((k, v) -> out.append(out.isEmpty() ? "" : ",").append(k).append('=').append(v));
    return out.toString();
  }

  /**
   * Disarms the profile's wake-up in the flow if it is still the one due at {@code dueMillis};
   * returns 0 when it is not (fired already, or armed for another time since). The disarming is
   * added to {@code changes} for the held states.
   */
  static int disarm(
      Connection c, String flowId, ProfileId profile, long dueMillis, RoundChanges changes)
      throws SQLException {
    changes.disarmed(profile, flowId, dueMillis);
    return Sql.update(
        c,
        "UPDATE flow_state SET due_at = NULL WHERE profile_key = "
            + FlowProfiles.KEY
            + " AND flow_id = ? AND due_at = ?",
        profile.value(),
        flowId,
        dueMillis);
  }

  /** A due timer. */
  record Due(String flowId, ProfileId profile, long dueMillis) {}

  /**
   * Timers due at or before {@code now} of published flows, earliest first, and those due at the
   * same moment by profile number: a batch of them then touches neighbouring rows (FlowSchema).
   */
  static List<Due> due(Connection c, long nowMillis, int max) throws SQLException {
    return due(c, "flow_state", nowMillis, max);
  }

  /**
   * Rows of a table with wake-ups ({@code flow_state} or {@code schedule_timers}: flow_id,
   * profile_id, due_at) due at or before {@code now}, of published flows, earliest first.
   */
  static List<Due> due(Connection c, String table, long nowMillis, int max) throws SQLException {
    return Sql.list(
        c,
        dueQuery(table),
        r -> new Due(r.getString(1), new ProfileId(r.getString(2)), r.getLong(3)),
        nowMillis,
        max);
  }

  /** The query of {@link #due(Connection, String, long, int)}: binds the time and the limit. */
  static String dueQuery(String table) {
    if (!table.equals("flow_state") && !table.equals("schedule_timers")) {
      throw new IllegalArgumentException("not a timer table: " + table); // never input: SQL text
    }
    return "SELECT t.flow_id, t.profile_id, t.due_at FROM "
        + table
        + " t JOIN flows f ON f.id = t.flow_id"
        + " WHERE t.due_at <= ? AND f.status = 'PUBLISHED' ORDER BY t.due_at"
        // schedule_timers has no profile numbers (its firings are keyed by flow and profile id).
        + (table.equals("flow_state") ? ", t.profile_key" : "")
        + " LIMIT ?";
  }

  /**
   * Moves every profile inside another version of {@code to}'s flow to {@code to}'s version where
   * its step exists there too.
   */
  static int migrate(Connection c, Flow to) throws SQLException {
    List<String[]> rows =
        Sql.list(
            c,
            "SELECT profile_id, state FROM flow_state WHERE flow_id = ? AND step IS NOT NULL"
                + " AND version <> ?",
            r -> new String[] {r.getString(1), r.getString(2)},
            to.id(),
            to.version());
    int moved = 0;
    for (String[] row : rows) {
      FlowState s = StateCodec.read(new ProfileId(row[0]), to.id(), row[1]);
      String step = s.run().orElseThrow().step();
      if (to.step(step).isPresent()) {
        save(
            c,
            new FlowState(
                s.profile(),
                s.flowId(),
                to.version(),
                s.entries(),
                s.lastEnteredAt(),
                s.run(),
                s.lastOutcome()),
            null,
            null); // the wake-up stays as it is
        moved++;
      }
    }
    return moved;
  }
}
