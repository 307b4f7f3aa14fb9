package trailmap.segments.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trailmap.eventlog.EventLog;
import trailmap.events.Event;
import trailmap.events.JsonValue;
import trailmap.events.json.EventJson;
import trailmap.maps.JourneyMap;
import trailmap.profiles.EventIdentities;
import trailmap.profiles.Identity;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileRecord;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileStore;
import trailmap.profiles.StoredEvent;
import trailmap.profiles.TraitHistory;
import trailmap.segments.Segment;
import trailmap.segments.SegmentEvaluator;
import trailmap.segments.store.Memberships;
import trailmap.segments.store.SegmentStore;

/**
 * Keeps segment memberships live on its own thread ({@code segment-processor}).
 *
 * <pre>{@code
 * try (SegmentProcessor p = SegmentProcessor.start(segments, profiles, rules, log,
 *     profileProcessor::position, mapId -> maps.latest(mapId), clock)) {
 *   p.awaitIdle(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>It follows the event log, <b>never past {@code profilesApplied}</b>, and re-evaluates every
 * segment for the profile of each event; it re-checks a profile at the earliest instant time alone
 * can change one of its answers ({@link SegmentEvaluator#nextChange}), by {@code clock}; and after
 * a segment is saved it evaluates every profile for it (a backfill, a page at a time). The answers,
 * the transitions they cause, the next check and the new log position commit in one transaction of
 * segments.db: a crash neither loses nor repeats a transition.
 */
public final class SegmentProcessor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentProcessor.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final int PAGE = 500;

  private final SegmentStore store;
  private final ProfileStore profiles;
  private final IdentityRules rules;
  private final EventLog log;
  private final LongSupplier profilesApplied;
  private final SegmentEvaluator evaluator;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private Thread thread;
  private volatile boolean running = true;
  private boolean woken;
  private long loaded = -1;
  private List<Segment> segments = List.of();

  private SegmentProcessor(
      SegmentStore store,
      ProfileStore profiles,
      IdentityRules rules,
      EventLog log,
      LongSupplier profilesApplied,
      Function<String, Optional<JourneyMap>> maps,
      Clock clock) {
    this.store = store;
    this.profiles = profiles;
    this.rules = rules;
    this.log = log;
    this.profilesApplied = profilesApplied;
    this.evaluator = new SegmentEvaluator(maps);
    this.clock = clock;
  }

  /** Builds the processor without its thread; tests drive it with {@link #step}. */
  public static SegmentProcessor create(
      SegmentStore store,
      ProfileStore profiles,
      IdentityRules rules,
      EventLog log,
      LongSupplier profilesApplied,
      Function<String, Optional<JourneyMap>> maps,
      Clock clock) {
    return new SegmentProcessor(store, profiles, rules, log, profilesApplied, maps, clock);
  }

  /** As {@link #create}, and starts the thread. */
  public static SegmentProcessor start(
      SegmentStore store,
      ProfileStore profiles,
      IdentityRules rules,
      EventLog log,
      LongSupplier profilesApplied,
      Function<String, Optional<JourneyMap>> maps,
      Clock clock) {
    SegmentProcessor p = create(store, profiles, rules, log, profilesApplied, maps, clock);
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
   * One round by the calling thread: new events, due re-checks, then backfills.
   *
   * @return how many events and profiles it handled
   */
  public int step() {
    reload();
    int done = 0;
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
    return done;
  }

  /** Whether every event the profiles hold is handled, no check is due and no backfill waits. */
  public boolean idle() {
    long now = clock.millis();
    return position() >= Math.min(log.end(), profilesApplied.getAsLong())
        && store.generation() == loaded
        && store
            .db()
            .read(
                c ->
                    oneValue(c, "SELECT 1 FROM checks WHERE due_at <= ? LIMIT 1", now) == null
                        && oneValue(c, "SELECT 1 FROM backfills LIMIT 1") == null);
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
    long generation = store.generation();
    if (generation != loaded) {
      segments = store.definitions();
      loaded = generation;
    }
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
    Set<ProfileId> touched = new LinkedHashSet<>();
    for (EventLog.LogEntry entry : page.entries()) {
      if (entry.position() < next && !segments.isEmpty()) {
        profileOf(entry.event()).ifPresent(touched::add);
      }
    }
    Instant now = clock.instant();
    List<Answer> answers = evaluate(touched, now);
    store
        .db()
        .transaction(
            c -> {
              if (position(c) != from) {
                throw new IllegalStateException("segments.db moved from " + from + " meanwhile");
              }
              write(c, answers, now);
              update(c, "UPDATE processor SET position = ? WHERE id = 1", next);
              return null;
            });
    return (int) (next - from);
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
    Set<ProfileId> ids = new LinkedHashSet<>();
    due.forEach(id -> ids.add(new ProfileId(id)));
    List<Answer> answers = evaluate(ids, now);
    store
        .db()
        .transaction(
            c -> {
              for (String id : due) {
                update(
                    c,
                    "DELETE FROM checks WHERE profile_id = ? AND due_at <= ?",
                    id,
                    now.toEpochMilli());
              }
              write(c, answers, now);
              return null;
            });
    return due.size();
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
    Instant now = clock.instant();
    List<Answer> answers = evaluate(new LinkedHashSet<>(page), now);
    store
        .db()
        .transaction(
            c -> {
              write(c, answers, now);
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
    return Math.max(1, page.size());
  }

  /** What the rules say about one profile now, and when to ask again. */
  private record Answer(String profileId, Map<String, Boolean> holds, Optional<Instant> recheck) {}

  private List<Answer> evaluate(Set<ProfileId> ids, Instant now) {
    List<Answer> answers = new ArrayList<>();
    for (ProfileId id : ids) {
      Optional<ProfileRecord> record =
          profiles.resolve(new ProfileRef.ById(id)).flatMap(profiles::profile);
      if (record.isEmpty()) {
        continue;
      }
      Map<String, JsonValue> values = new java.util.LinkedHashMap<>();
      for (TraitHistory t : record.get().traits()) {
        values.put(t.name(), t.current().value());
      }
      JsonValue.Obj traits = new JsonValue.Obj(values);
      List<Event> events = new ArrayList<>();
      for (StoredEvent e : profiles.events(record.get().id())) {
        events.add(EventJson.read(e.json()));
      }
      Map<String, Boolean> holds = new java.util.LinkedHashMap<>();
      Optional<Instant> recheck = Optional.empty();
      for (Segment segment : segments) {
        holds.put(segment.id(), evaluator.membership(segment.rule(), traits, events, now));
        Optional<Instant> next = evaluator.nextChange(segment.rule(), traits, events, now);
        if (next.isPresent() && (recheck.isEmpty() || next.get().isBefore(recheck.get()))) {
          recheck = next;
        }
      }
      answers.add(new Answer(record.get().id().value(), holds, recheck));
    }
    return answers;
  }

  private static void write(Connection c, List<Answer> answers, Instant now) throws SQLException {
    for (Answer a : answers) {
      for (Map.Entry<String, Boolean> h : a.holds().entrySet()) {
        Memberships.ruleAnswer(c, h.getKey(), a.profileId(), h.getValue(), now.toEpochMilli());
      }
      if (a.recheck().isPresent()) {
        update(
            c,
            "INSERT OR REPLACE INTO checks (profile_id, due_at) VALUES (?, ?)",
            a.profileId(),
            a.recheck().get().toEpochMilli());
      } else {
        update(c, "DELETE FROM checks WHERE profile_id = ?", a.profileId());
      }
    }
  }

  private Optional<ProfileId> profileOf(Event event) {
    for (Identity identity : EventIdentities.of(event, rules)) {
      Optional<ProfileId> id = profiles.resolve(new ProfileRef.ByIdentity(identity));
      if (id.isPresent()) {
        return id;
      }
    }
    return Optional.empty();
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
