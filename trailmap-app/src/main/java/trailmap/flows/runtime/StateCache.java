package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trailmap.flows.engine.FlowState;
import trailmap.profiles.ProfileId;
import trailmap.store.Database;

/**
 * The {@code flow_state} rows as committed, held in memory for the flow thread: each profile's
 * states, the wake-ups armed for them and the profile's number. Reading them from flows.db (two
 * index probes and a JSON text per state) was about an eighth of the flow thread's time
 * (docs/design/flows-journal.md, stage 1); the file stays the truth, written as before.
 *
 * <p>Every change reaches it inside the transaction that makes it, under the database's one lock: a
 * round's state writes are applied just before its commit ({@link FlowStore#changing}); a round
 * that fails, an erasure, a migration and a wake-up that disagrees with the file mark the profiles
 * they touch <em>unknown</em> ({@link #forget}), to be read from the file the next time, which then
 * holds whatever the transaction left. So a rolled-back change is never held, and nothing is held
 * that the file does not hold.
 *
 * <p>Once {@link #warm} has read every row, a profile it does not hold is in no flow. Past {@link
 * #capacity} profiles no more are held: a profile not held is then read from the file, every time
 * (an order of use, to let the least used go, was tried and dropped: moving a profile to the end of
 * the order on every read and write was 5-8 % of the flow thread's Java samples). Only the flow
 * thread reads it; the erasure and publishing threads only forget.
 */
final class StateCache {
  private static final Logger LOG = LoggerFactory.getLogger(StateCache.class);

  /**
   * What one profile in one flow is taken to take held, for the default room: twice what 1M waiting
   * in the welcome flow took (about 500 bytes each, trailmap-bench/README.md, session 16).
   */
  static final int BYTES_PER_PROFILE = 1024;

  private static final long NOT_ARMED = Long.MIN_VALUE;

  /**
   * A write to hold after it: a state saved (with its wake-up armed at {@code setAt}, or disarmed
   * if it was {@code cancelAt} or {@code firedAt}), or a wake-up disarmed if it was {@code firedAt}
   * ({@code state} null).
   */
  record Write(
      FlowProfiles.Numbered who,
      ProfileId profile,
      String flowId,
      FlowState state,
      Long setAt,
      Long cancelAt,
      Long firedAt) {
    Write(FlowProfiles.Numbered who, FlowState s, Long setAt, Long cancelAt, Long firedAt) {
      this(who, s.profile(), s.flowId(), s, setAt, cancelAt, firedAt);
    }

    Write(ProfileId profile, String flowId, long firedAt) {
      this(null, profile, flowId, null, null, null, firedAt);
    }
  }

  /** One profile's rows, never changed (a write makes a new one): the flows in row order. */
  private static final class Rows {
    final FlowProfiles.Numbered number;
    final String[] flows;
    final FlowState[] states;
    final long[] armed;

    Rows(FlowProfiles.Numbered number, String[] flows, FlowState[] states, long[] armed) {
      this.number = number;
      this.flows = flows;
      this.states = states;
      this.armed = armed;
    }

    static Rows of(FlowStates.Held held) {
      int n = held.states().size();
      String[] flows = new String[n];
      FlowState[] states = new FlowState[n];
      long[] armed = new long[n];
      int i = 0;
      for (Map.Entry<String, FlowState> e : held.states().entrySet()) {
        flows[i] = e.getKey();
        states[i] = e.getValue();
        armed[i++] = held.armed().getOrDefault(e.getKey(), NOT_ARMED);
      }
      return new Rows(held.number().orElse(null), flows, states, armed);
    }

    FlowStates.Held held() {
      FlowStates.Held out = FlowStates.Held.numbered(number);
      for (int i = 0; i < flows.length; i++) {
        out.states().put(flows[i], states[i]);
        if (armed[i] != NOT_ARMED) {
          out.armed().put(flows[i], armed[i]);
        }
      }
      return out;
    }

    int indexOf(String flowId) {
      for (int i = 0; i < flows.length; i++) {
        if (flows[i].equals(flowId)) {
          return i;
        }
      }
      return -1;
    }

    /** This entry after {@code w}, which is for its profile. */
    Rows after(Write w) {
      int at = indexOf(w.flowId());
      long was = at < 0 ? NOT_ARMED : armed[at];
      boolean disarmed =
          was != NOT_ARMED
              && ((w.cancelAt() != null && was == w.cancelAt())
                  || (w.firedAt() != null && was == w.firedAt()));
      long now = w.setAt() != null ? w.setAt() : disarmed ? NOT_ARMED : was;
      if (w.state() == null) { // only the disarming, of a row that exists or of none
        if (at < 0 || now == was) {
          return this;
        }
        long[] nextArmed = armed.clone();
        nextArmed[at] = now;
        return new Rows(number, flows, states, nextArmed);
      }
      int n = at < 0 ? flows.length + 1 : flows.length;
      int i = at < 0 ? flows.length : at;
      String[] nextFlows = at < 0 ? Arrays.copyOf(flows, n) : flows;
      FlowState[] nextStates = Arrays.copyOf(states, n);
      long[] nextArmed = Arrays.copyOf(armed, n);
      nextFlows[i] = w.flowId();
      nextStates[i] = w.state();
      nextArmed[i] = now;
      return new Rows(w.who(), nextFlows, nextStates, nextArmed);
    }
  }

  /** A profile whose rows are to be read from the file. */
  private static final Rows UNKNOWN = new Rows(null, new String[0], new FlowState[0], new long[0]);

  /** A profile with no rows, to add its first to. */
  private static final Rows NONE = new Rows(null, new String[0], new FlowState[0], new long[0]);

  private final int capacity;

  /**
   * By the profile's id text, not its {@link ProfileId}: one object fewer to reach in a map of a
   * million, and a key whose equals the JIT knows.
   */
  private final HashMap<String, Rows> held = new HashMap<>();

  /** Every profile with a row is held: one not held is in no flow. */
  private boolean complete;

  private boolean warmed;
  private long hits;
  private long misses;

  StateCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("the held states need room for a profile: " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Holds {@code rows} for the profile if there is room (or it is held already); else the profile
   * is not held, and no longer may one not held be taken to be in no flow.
   */
  private void hold(ProfileId id, Rows rows) {
    if (held.size() < capacity || held.containsKey(id.value())) {
      held.put(id.value(), rows);
    } else {
      complete = false;
    }
  }

  /** Room for as many profiles as take half the heap at {@link #BYTES_PER_PROFILE}. */
  static int defaultCapacity() {
    return (int)
        Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 2 / BYTES_PER_PROFILE);
  }

  /**
   * {@link #warm(Connection)} on {@code db}'s connection, at the flow thread's first round: 2 s at
   * 1M waiting (trailmap-bench/README.md, session 16), said in the log with what it holds.
   */
  void warm(Database db) {
    synchronized (this) {
      if (warmed) {
        return;
      }
    }
    long start = System.nanoTime();
    int profiles = db.read(this::warm);
    LOG.info(
        "holding the flow states of {} profiles in memory ({} ms){}",
        profiles,
        (System.nanoTime() - start) / 1_000_000,
        complete()
            ? ""
            : "; more have states than the "
                + capacity
                + " it has room for: the others are read from flows.db");
  }

  /**
   * Reads every row, once (later calls do nothing): afterwards a profile not held is in no flow,
   * unless more than {@link #capacity} profiles have rows. Returns how many profiles it holds.
   */
  synchronized int warm(Connection c) throws SQLException {
    if (warmed) {
      return held.size();
    }
    Map<String, String> flowIds = new HashMap<>(); // one copy of each id, not one per row
    boolean full = false;
    try (PreparedStatement s = c.prepareStatement(EVERY_ROW);
        ResultSet r = s.executeQuery()) {
      ProfileId profile = null;
      FlowStates.Held rows = null;
      while (r.next()) {
        String id = r.getString(1);
        if (profile == null || !profile.value().equals(id)) {
          if (rows != null) {
            held.put(profile.value(), Rows.of(rows));
            rows = null;
          }
          if (held.size() >= capacity) {
            full = true;
            break;
          }
          profile = new ProfileId(id);
          rows = FlowStates.Held.none();
        }
        rows.add(profile, r, 2, flowIds);
      }
      if (rows != null) {
        held.put(profile.value(), Rows.of(rows));
      }
    }
    warmed = true;
    complete = !full;
    return held.size();
  }

  /**
   * Every row with its profile's id and number, a profile's rows together; the columns of {@link
   * FlowStates#HELD_IN}, read by the same {@code FlowStates.Held.add}.
   */
  private static final String EVERY_ROW =
      "SELECT p.profile_id, p.profile_key, s.flow_id, s.state, s.due_at FROM flow_state s"
          + " JOIN flow_profiles p ON p.profile_key = s.profile_key ORDER BY s.profile_key";

  /**
   * The states of each of {@code ids} (none for a profile in no flow), as copies the caller may
   * change: from memory where held, else read from the file in {@code c}'s transaction (before the
   * transaction writes theirs) and held from then on.
   */
  synchronized Map<ProfileId, FlowStates.Held> held(Connection c, Collection<ProfileId> ids)
      throws SQLException {
    Map<ProfileId, FlowStates.Held> out = new HashMap<>();
    List<ProfileId> unknown = new ArrayList<>();
    for (ProfileId id : ids) {
      if (out.containsKey(id)) {
        continue;
      }
      Rows e = held.get(id.value());
      if (e != null && e != UNKNOWN) {
        out.put(id, e.held());
      } else if (e == null && complete) {
        out.put(id, FlowStates.Held.none());
      } else {
        out.put(id, null);
        unknown.add(id);
      }
    }
    hits += out.size() - unknown.size();
    misses += unknown.size();
    if (!unknown.isEmpty()) {
      Map<ProfileId, FlowStates.Held> read = FlowStates.held(c, unknown);
      for (ProfileId id : unknown) {
        FlowStates.Held rows = read.getOrDefault(id, FlowStates.Held.none());
        out.put(id, rows); // the caller's: what is held is a copy (Rows.of)
        if (rows.states().isEmpty() && complete) {
          held.remove(id.value());
        } else {
          hold(id, Rows.of(rows));
        }
      }
    }
    return out;
  }

  /**
   * Runs {@code work}, which writes states with {@code changes} ({@link FlowStates#save}), in one
   * transaction committed without waiting for the disk ({@link Database#transactionSyncedLater}):
   * writes the count changes before the commit, and holds the state writes just before it, under
   * the same lock. Should it fail, the profiles it wrote for are read from the file again.
   */
  <T> T changing(Database db, RoundChanges changes, Database.Work<T> work) {
    try {
      return db.transactionSyncedLater(
          c -> {
            T result = work.run(c);
            changes.write(c);
            apply(changes.written());
            return result;
          });
    } catch (RuntimeException | Error e) {
      forget(changes.written());
      throw e;
    }
  }

  /** Holds the writes a transaction made, just before it commits ({@link #changing}). */
  synchronized void apply(List<Write> writes) {
    for (Write w : writes) {
      // One lookup per write (a get and a put were two: each a few misses of the CPU's caches in
      // a map of a million profiles).
      held.compute(w.profile().value(), (id, rows) -> after(rows, w));
    }
  }

  /** What {@link #apply} holds for the profile of {@code w}, held as {@code rows} (null: none). */
  private Rows after(Rows rows, Write w) {
    if (rows == UNKNOWN) {
      return rows; // read from the file next time, with this write in it
    }
    if (rows != null) {
      return rows.after(w);
    }
    if (!complete || w.state() == null) {
      return null; // not held, or the disarming of a row that does not exist
    }
    if (held.size() >= capacity) {
      complete = false; // no room: read from the file from now on
      return null;
    }
    return NONE.after(w);
  }

  /**
   * The profile's rows are to be read from the file again. Marked, not removed, while a profile not
   * held counts as in no flow: the mark takes no room from {@link #capacity}, one per profile
   * forgotten at most (an erased person's stays until the next start).
   */
  synchronized void forget(ProfileId id) {
    if (complete) {
      held.put(id.value(), UNKNOWN);
    } else {
      held.remove(id.value()); // not held means read from the file
    }
  }

  /** The profiles {@code writes} touched are to be read from the file again (they failed). */
  synchronized void forget(List<Write> writes) {
    for (Write w : writes) {
      forget(w.profile());
    }
  }

  /** Every profile holding a state in the flow is to be read from the file again. */
  synchronized void forgetFlow(String flowId) {
    held.replaceAll((id, e) -> e.indexOf(flowId) >= 0 ? UNKNOWN : e);
  }

  /** How many of the profiles asked for were held, and how many read from the file. */
  synchronized long[] hitsAndMisses() {
    return new long[] {hits, misses};
  }

  /** How many profiles are held (with rows, or to be read again). */
  synchronized int size() {
    return held.size();
  }

  /** Whether a profile not held is in no flow ({@link #warm} read every row, none let go). */
  synchronized boolean complete() {
    return complete;
  }
}
