package trailmap.segments.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trailmap.eventlog.EventLog;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileStore;
import trailmap.segments.Segment;
import trailmap.segments.SegmentEvidence;
import trailmap.segments.store.Definitions;
import trailmap.segments.store.SegmentStore;
import trailmap.store.Database;

/**
 * Keeps segment memberships live on its own thread ({@code segment-processor}).
 *
 * <pre>{@code
 * try (SegmentProcessor p = SegmentProcessor.start(segments, profiles, log,
 *     profileProcessor::position, SegmentMaps.of(mapStore), clock)) {
 *   p.awaitIdle(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>It follows the event log, <b>never past {@code profilesApplied}</b>, and re-evaluates every
 * segment for the profile holding each event, from the bounded {@link trailmap.segments.Evidence}
 * segments.db keeps per segment and profile plus the page's events: never the profile's history
 * ({@link SegmentEvidence}). It re-checks a profile at the earliest instant time alone can change
 * one of its answers, by {@code clock}. A profile's whole history is read only to build a segment's
 * evidence afresh: for every profile after the segment is saved, or after a map its stage or
 * touchpoint rules name gets a new revision (a backfill, a page at a time), and for the survivor of
 * a merge, whose absorbed profile's memberships are folded into it. At every start it sweeps
 * segments.db for profiles that profiles.db no longer holds (merged away or erased). The answers,
 * evidence, transitions, next checks and the new log position commit in one transaction of
 * segments.db, which also checks that no save, delete or erasure came between what was read and
 * what is written: a crash neither loses nor repeats a transition.
 */
public final class SegmentProcessor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentProcessor.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final int PAGE = 500;

  private final SegmentStore store;
  private final ProfileStore profiles;
  private final EventLog log;
  private final LongSupplier profilesApplied;
  private final FollowedMaps maps;
  private final Assessor assessor;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private Thread thread;
  private volatile boolean running = true;
  private boolean woken;
  private volatile long loaded = -1;
  private volatile List<Segment> segments = List.of();

  private SegmentProcessor(
      SegmentStore store,
      ProfileStore profiles,
      EventLog log,
      LongSupplier profilesApplied,
      SegmentMaps maps,
      Clock clock) {
    this.store = store;
    this.profiles = profiles;
    this.log = log;
    this.profilesApplied = profilesApplied;
    this.maps = new FollowedMaps(maps);
    this.assessor = new Assessor(profiles, this.maps::model);
    this.clock = clock;
  }

  /**
   * Builds the processor without its thread (tests drive it with {@link #step}) and queues the
   * start's sweep.
   */
  public static SegmentProcessor create(
      SegmentStore store,
      ProfileStore profiles,
      EventLog log,
      LongSupplier profilesApplied,
      SegmentMaps maps,
      Clock clock) {
    store
        .db()
        .transaction(c -> update(c, "INSERT OR IGNORE INTO sweeps (id, after) VALUES (1, '')"));
    return new SegmentProcessor(store, profiles, log, profilesApplied, maps, clock);
  }

  /** As {@link #create}, and starts the thread. */
  public static SegmentProcessor start(
      SegmentStore store,
      ProfileStore profiles,
      EventLog log,
      LongSupplier profilesApplied,
      SegmentMaps maps,
      Clock clock) {
    SegmentProcessor p = create(store, profiles, log, profilesApplied, maps, clock);
    p.thread = Thread.ofPlatform().name("segment-processor").daemon().start(p::run);
    return p;
  }

  /** The log position handled up to. */
  public long position() {
    return store.db().read(SegmentProcessor::position);
  }

  private static long position(Connection c) throws SQLException {
    return ((Number) oneValue(c, "SELECT position FROM processor WHERE id = 1")).longValue();
  }

  /**
   * One round by the calling thread: map revisions, new events, due re-checks, backfills, then the
   * sweep.
   *
   * @return how many events and profiles it handled
   */
  public int step() {
    reload();
    int done = maps.follow(store.db(), segments, this::commit);
    int n;
    while ((n = events()) > 0) {
      done += n;
    }
    while ((n = dueChecks()) > 0) {
      done += n;
    }
    while ((n = backfill()) > 0) {
      done += n;
    }
    while ((n = sweep()) > 0) {
      done += n;
    }
    return done;
  }

  /**
   * Whether every event the profiles hold is handled, no check is due, no backfill or sweep waits
   * and every map the rules name is followed at its latest revision.
   */
  public boolean idle() {
    long now = clock.millis();
    return position() >= Math.min(log.end(), profilesApplied.getAsLong())
        && maps.followsLatest(store.db(), segments)
        && store
            .db()
            .read(
                c ->
                    SegmentStore.revision(c) == loaded
                        && oneValue(c, "SELECT 1 FROM checks WHERE due_at <= ? LIMIT 1", now)
                            == null
                        && oneValue(c, "SELECT 1 FROM backfills LIMIT 1") == null
                        && oneValue(c, "SELECT 1 FROM sweeps LIMIT 1") == null);
  }

  /**
   * Waits until {@link #idle}.
   *
   * @return false when the timeout passed first
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      wake();
      if (idle()) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  private void reload() {
    if (store.db().read(SegmentStore::revision) != loaded) {
      Definitions definitions = store.revisedDefinitions();
      segments = definitions.segments();
      loaded = definitions.revision();
    }
  }

  /**
   * Runs {@code work} in a transaction if the definitions are still those loaded and nothing was
   * erased meanwhile; else writes nothing and reloads.
   */
  private boolean commit(Database.Work<Void> work) {
    boolean current =
        store
            .db()
            .transaction(
                c -> {
                  if (SegmentStore.revision(c) != loaded) {
                    return false;
                  }
                  work.run(c);
                  return true;
                });
    if (!current) {
      reload();
    }
    return current;
  }

  private int events() {
    long limit = Math.min(log.end(), profilesApplied.getAsLong());
    long from = position();
    if (from >= limit) {
      return 0;
    }
    EventLog.Page page = log.readPage(from, (int) Math.min(PAGE, limit - from));
    long next = Math.min(page.next(), limit);
    if (next <= from) {
      return 0;
    }
    Round round = new Round();
    if (!segments.isEmpty()) {
      Map<Long, ProfileId> holders = profiles.holders(from, next);
      for (EventLog.LogEntry entry : page.entries()) {
        ProfileId holder = holders.get(entry.position());
        if (entry.position() < next && holder != null) {
          round.of(holder).events.add(entry);
        }
      }
      for (ProfileId holder : List.copyOf(round.work.keySet())) {
        for (ProfileId absorbed : profiles.absorbedBy(holder, from, next)) {
          round.locate(profiles, absorbed);
        }
      }
    }
    Instant now = clock.instant();
    List<Assessor.Answer> answers = assessor.assess(store.db(), segments, round, now);
    boolean done =
        commit(
            c -> {
              if (position(c) != from) {
                throw new IllegalStateException("segments.db moved from " + from + " meanwhile");
              }
              round.write(c, answers, now);
              update(c, "UPDATE processor SET position = ? WHERE id = 1", next);
              return null;
            });
    return done ? (int) (next - from) : 1;
  }

  private int dueChecks() {
    Instant now = clock.instant();
    List<String> due =
        store
            .db()
            .read(
                c ->
                    texts(
                        c,
                        "SELECT profile_id FROM checks WHERE due_at <= ? ORDER BY due_at LIMIT ?",
                        now.toEpochMilli(),
                        PAGE));
    if (due.isEmpty()) {
      return 0;
    }
    Round round = new Round();
    due.forEach(id -> round.locate(profiles, new ProfileId(id)));
    List<Assessor.Answer> answers = assessor.assess(store.db(), segments, round, now);
    boolean done =
        commit(
            c -> {
              for (String id : due) {
                update(
                    c,
                    "DELETE FROM checks WHERE profile_id = ? AND due_at <= ?",
                    id,
                    now.toEpochMilli());
              }
              round.write(c, answers, now);
              return null;
            });
    return done ? due.size() : 1;
  }

  private int backfill() {
    Optional<String[]> job =
        store
            .db()
            .read(
                c -> {
                  List<String> ids = texts(c, "SELECT segment_id FROM backfills LIMIT 1");
                  if (ids.isEmpty()) {
                    return Optional.<String[]>empty();
                  }
                  String after =
                      (String)
                          oneValue(
                              c, "SELECT after FROM backfills WHERE segment_id = ?", ids.get(0));
                  return Optional.of(new String[] {ids.get(0), after});
                });
    if (job.isEmpty()) {
      return 0;
    }
    String segmentId = job.get()[0];
    List<ProfileId> page = profiles.ids(job.get()[1], PAGE);
    Round round = new Round();
    page.forEach(id -> round.of(id).rebuild.add(segmentId));
    Instant now = clock.instant();
    List<Assessor.Answer> answers = assessor.assess(store.db(), segments, round, now);
    boolean done =
        commit(
            c -> {
              round.write(c, answers, now);
              if (page.isEmpty()) {
                update(c, "DELETE FROM backfills WHERE segment_id = ?", segmentId);
              } else {
                update(
                    c,
                    "UPDATE backfills SET after = ? WHERE segment_id = ?",
                    page.get(page.size() - 1).value(),
                    segmentId);
              }
              return null;
            });
    return done ? Math.max(1, page.size()) : 1;
  }

  /** A page of the start's sweep: folds or forgets profiles that profiles.db no longer holds. */
  private int sweep() {
    Optional<String> after =
        store.db().read(c -> Optional.ofNullable((String) oneValue(c, "SELECT after FROM sweeps")));
    if (after.isEmpty()) {
      return 0;
    }
    TreeSet<String> ids = new TreeSet<>();
    store
        .db()
        .read(
            c -> {
              for (String table : List.of("memberships", "evidence", "checks")) {
                ids.addAll(
                    texts(
                        c,
                        "SELECT DISTINCT profile_id FROM "
                            + table
                            + " WHERE profile_id > ? ORDER BY profile_id LIMIT ?",
                        after.get(),
                        PAGE));
              }
              return null;
            });
    List<String> page = new ArrayList<>(ids).subList(0, Math.min(PAGE, ids.size()));
    Round round = new Round();
    page.forEach(id -> round.locate(profiles, new ProfileId(id)));
    round.work.values().removeIf(w -> !w.rebuildAll); // a profile still held needs no new answer
    Instant now = clock.instant();
    List<Assessor.Answer> answers = assessor.assess(store.db(), segments, round, now);
    boolean done =
        commit(
            c -> {
              round.write(c, answers, now);
              if (page.isEmpty()) {
                update(c, "DELETE FROM sweeps WHERE id = 1");
              } else {
                update(c, "UPDATE sweeps SET after = ? WHERE id = 1", page.get(page.size() - 1));
              }
              return null;
            });
    if (done && !round.gone.isEmpty()) {
      LOG.info(
          "segments: the sweep folded or forgot {} profiles profiles.db no longer holds",
          round.gone.size());
    }
    return done ? Math.max(1, page.size()) : 1;
  }

  private void run() {
    while (running) {
      try {
        if (step() == 0) {
          nap();
        }
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.error("segments: a round failed; retrying in a second", e);
        nap();
      }
    }
  }

  /** Tells the thread to look now rather than after its nap. */
  public void wake() {
    lock.lock();
    try {
      woken = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void nap() {
    lock.lock();
    try {
      if (!woken && running) {
        changed.await(POLL.toNanos(), TimeUnit.NANOSECONDS);
      }
      woken = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (var s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s.executeUpdate();
    }
  }

  private static Object oneValue(Connection c, String sql, Object... args) throws SQLException {
    try (var s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (var r = s.executeQuery()) {
        return r.next() ? r.getObject(1) : null;
      }
    }
  }

  private static List<String> texts(Connection c, String sql, Object... args) throws SQLException {
    try (var s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      List<String> out = new ArrayList<>();
      try (var r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    }
  }

  /** Stops after the round in hand; does not close the stores. */
  @Override
  public void close() {
    running = false;
    wake();
    if (thread != null) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
