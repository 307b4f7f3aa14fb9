package trailmap.flows.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import trailmap.profiles.ProfileId;
import trailmap.store.Database;

/**
 * Erasing people from flows.db ({@link FlowStore#erase}), and the lock that keeps an erasure and
 * the runtime's units of work apart: held shared by each unit (a page of events, a batch of timers,
 * a send) and exclusively by an erasure, so an erasure waits for the units in flight and none it
 * waited for writes the person back afterwards.
 */
final class FlowErasure {
  private final Database db;

  /** The flow states held in memory, which must not hold an erased person past the commit. */
  private final StateCache states;

  private final ReentrantReadWriteLock erasing = new ReentrantReadWriteLock(true);

  /** Grows with every erasure, so the sender and the read-ahead know when rows may have gone. */
  private final AtomicLong erasures = new AtomicLong();

  /**
   * How long the last erasure held the runtime's units off (the exclusive lock), in nanoseconds.
   */
  private volatile long lastHeldNanos;

  FlowErasure(Database db, StateCache states) {
    this.db = db;
    this.states = states;
  }

  /** Carries out {@link FlowStore#erase}, which says what it deletes and guarantees. */
  void erase(Set<ProfileId> profiles) {
    if (profiles.isEmpty()) {
      return;
    }
    // The WAL copied back while the runtime still runs: the TRUNCATE below, which the runtime
    // waits for, then copies only what came in since, not up to the background checkpointer's
    // threshold (16,384 frames: 1.3 s at 1M waiting; trailmap-bench/README.md, session 15).
    db.checkpointBeside();
    erasing.writeLock().lock();
    long held = System.nanoTime();
    try {
      db.transaction(
          c -> {
            // Their number comes first in the keys of the tables that have one (FlowProfiles),
            // where the id is not indexed; a table may hold the number alone.
            Set<String> keyed = Set.copyOf(tablesWith(c, "profile_key"));
            Set<String> tables = new TreeSet<>(tablesWith(c, "profile_id"));
            tables.addAll(keyed);
            for (ProfileId profile : profiles) {
              states.forget(profile); // read from the file: none once this commits
              Optional<Long> key =
                  Sql.one(
                      c,
                      "SELECT profile_key FROM flow_profiles WHERE profile_id = ?",
                      r -> r.getLong(1),
                      profile.value());
              for (String table : tables) {
                if (!keyed.contains(table)) {
                  Sql.update(
                      c, "DELETE FROM \"" + table + "\" WHERE profile_id = ?", profile.value());
                } else if (key.isPresent()) {
                  Sql.update(c, "DELETE FROM \"" + table + "\" WHERE profile_key = ?", key.get());
                }
              }
              // The sweep's cursor is the last profile id it gave a firing; every id up to it
              // has one, so stepping back to the greatest remaining one below it only repeats
              // harmless work (a firing is never given twice).
              Sql.update(
                  c,
                  "UPDATE schedule_seeds SET after = coalesce((SELECT max(t.profile_id) FROM"
                      + " schedule_timers t WHERE t.flow_id = schedule_seeds.flow_id"
                      + " AND t.profile_id < schedule_seeds.after), '') WHERE after = ?",
                  profile.value());
            }
            return null;
          });
      erasures.incrementAndGet();
      // Old page images in the WAL still hold the deleted values until a checkpoint copies the
      // zeroed pages back and empties it (synced: flows.db runs with synchronous FULL).
      db.checkpointTruncate();
    } finally {
      lastHeldNanos = System.nanoTime() - held;
      erasing.writeLock().unlock();
    }
  }

  /**
   * How long the last erasure kept the runtime's units waiting, from taking the lock they share to
   * releasing it (the deletes, the commit and the closing checkpoint); 0 before the first.
   */
  Duration lastHeld() {
    return Duration.ofNanos(lastHeldNanos);
  }

  /** The tables of flows.db with a column of this name. */
  private static List<String> tablesWith(Connection c, String column) throws SQLException {
    return Sql.list(
        c,
        "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p"
            + " WHERE m.type = 'table' AND p.name = ? ORDER BY m.name",
        r -> r.getString(1),
        column);
  }

  /**
   * Runs one unit of the runtime's work while no {@link #erase} runs: an erasure waits for it to
   * end, and it waits for an erasure to end. Keep units short; an erasure waits for the longest.
   */
  <T> T outside(Supplier<T> work) {
    erasing.readLock().lock();
    try {
      return work.get();
    } finally {
      erasing.readLock().unlock();
    }
  }

  /** How many erasures have committed since the store was opened. */
  long count() {
    return erasures.get();
  }
}
