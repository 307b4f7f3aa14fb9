package trailmap.flows.runtime;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import trailmap.flows.Flow;
import trailmap.flows.Trigger;
import trailmap.flows.channels.UnsubscribeTokens;
import trailmap.flows.dryrun.TriggerHistory;
import trailmap.flows.format.FlowReadResult;
import trailmap.flows.format.FlowReader;
import trailmap.flows.policy.Consent;
import trailmap.flows.policy.Verdict;
import trailmap.profiles.ProfileId;
import trailmap.store.Database;

/**
 * Flow definitions and everything the runtime keeps, in {@code DATA_DIR/flows.db}: versions and
 * their status, per-profile state, timers, the outbox, send history, suppressions, consent, the
 * flow timeline and the event-log position the runtime has processed up to. Synchronous FULL: none
 * of it can be rebuilt from the event log (a wake-up or a send decided once must stay decided).
 *
 * <p>The API the {@code /api/flows} routes call:
 *
 * <pre>{@code
 * DraftResult draft = store.createDraft("welcome.yaml", yamlOrJson); // version n+1, a draft
 * store.publish("welcome", 2, false);   // v2 takes entries; profiles on v1 finish on v1
 * store.pause("welcome");  store.publish("welcome", 2, false);        // pause, resume
 * store.archive("welcome");
 * store.list(); store.flow("welcome"); store.versions("welcome"); store.document("welcome", 2);
 * store.stepCounts("welcome"); store.outcomes("welcome"); store.suppressions("welcome");
 * store.outboxCounts("welcome"); store.stats("welcome");
 * }</pre>
 *
 * Thread-safe: one connection behind a lock ({@link Database}). {@code secure_delete} is on for the
 * connection: a deleted or rewritten row (an outbox row's rendered email, updated when it is sent)
 * leaves zeros, not a copy, in the file's free space, so {@link #erase} can remove a person's
 * values from the files and not only from the tables.
 */
public final class FlowStore implements AutoCloseable {
  /** How long a logged API call is kept for dry runs ({@link #apiCallLog}): 400 days. */
  public static final Duration API_CALL_HISTORY = ApiCallLog.HORIZON;

  private final Database db;
  private final Clock clock;
  private final AtomicLong generation = new AtomicLong();

  /** Email bodies for the decisions that render them; {@link #saveTemplate} keeps it true. */
  private final TemplateBodies templateBodies = new TemplateBodies();

  /** The flow states as committed, for the flow thread; every writer of them keeps it true. */
  private final StateCache states = new StateCache(StateCache.defaultCapacity());

  /** The erasures of people from flows.db, and the lock the runtime's units of work hold. */
  private final FlowErasure erasure;

  private FlowStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.erasure = new FlowErasure(db, states);
  }

  /** The flow states held in memory: the flow thread reads them instead of the file. */
  StateCache states() {
    return states;
  }

  /** {@link StateCache#changing} on flows.db with its held states. */
  <T> T changing(RoundChanges changes, Database.Work<T> work) {
    return states.changing(db, changes, work);
  }

  /**
   * The page size of a new flows.db. A timer or an event writes a few rows to each of several
   * trees; with 16 KB pages the trees are shallower and a batch dirties fewer pages: 18 % more
   * timers/s at 1M waiting and an 11 % smaller file (trailmap-bench/README.md, session 9).
   */
  static final int PAGE_BYTES = 16_384;

  /** Opens (creating when absent) {@code dataDir/flows.db}. */
  public static FlowStore open(Path dataDir, Clock clock) {
    // secure_delete is on from before the migrations (Database.open).
    // Checkpoints off the flow thread: SQLite's own, inside a commit, stalled it for 0.6 s every
    // hundred commits at 1M waiting (trailmap-bench/README.md, session 14).
    Database db =
        Database.open(
                dataDir.resolve("flows.db"),
                FlowSchema.STEPS,
                Database.Synchronous.FULL,
                PAGE_BYTES)
            .checkpointingInBackground();
    return new FlowStore(db, clock);
  }

  public Path file() {
    return db.file();
  }

  Database db() {
    return db;
  }

  /**
   * Makes the flow thread's commits so far survive a power loss, as the sender does before it hands
   * messages over ({@link Database#sync}); for a benchmark that runs the flow work without the
   * sender. Returns whether there was anything to sync.
   */
  public boolean syncDecisions() {
    return db.sync();
  }

  /** Grows on every change of a definition or status; the runtime reloads its flows then. */
  long generation() {
    return generation.get();
  }

  /**
   * Validates a flow document (YAML or JSON) and stores it as the flow's next version, a draft. The
   * document's own {@code version} field is ignored: versions are numbered by the store from 1.
   *
   * @param source names the document in problem locations
   */
  public DraftResult createDraft(String source, String text) {
    FlowReadResult read = FlowReader.read(source, text);
    if (!read.isValid()) {
      return new DraftResult.Invalid(read.problems());
    }
    Flow flow = read.flow().orElseThrow();
    long now = clock.millis();
    FlowVersionInfo info =
        db.transaction(
            c -> {
              int latest =
                  Sql.one(
                          c,
                          "SELECT max(version) FROM flow_versions WHERE flow_id = ?",
                          r -> r.getInt(1),
                          flow.id())
                      .orElse(0);
              if (latest == 0) {
                Sql.update(
                    c,
                    "INSERT INTO flows (id, name, status, current_version, created_at, updated_at)"
                        + " VALUES (?, ?, 'DRAFT', NULL, ?, ?)",
                    flow.id(),
                    flow.name(),
                    now,
                    now);
              } else {
                Sql.update(
                    c,
                    "UPDATE flows SET name = ?, updated_at = ? WHERE id = ?",
                    flow.name(),
                    now,
                    flow.id());
              }
              Sql.update(
                  c,
                  "INSERT INTO flow_versions (flow_id, version, document, created_at)"
                      + " VALUES (?, ?, ?, ?)",
                  flow.id(),
                  latest + 1,
                  text,
                  now);
              return new FlowVersionInfo(
                  flow.id(), latest + 1, Instant.ofEpochMilli(now), Optional.empty());
            });
    generation.incrementAndGet();
    return new DraftResult.Created(info);
  }

  /**
   * Makes {@code version} the flow's current version and the flow {@code published}: from now on it
   * takes entries. Profiles inside an older version stay on it until they leave, unless {@code
   * migrate}: then every profile inside another version whose step also exists in this one moves to
   * it (at the same step, timers unchanged); the others finish on their version. Publishing a
   * paused flow's current version resumes it. Publishing a version that is not on a schedule
   * deletes the flow's schedule firings in the same transaction.
   *
   * @return how many profiles were migrated
   * @throws IllegalArgumentException for an unknown flow or version, or an archived flow
   */
  public int publish(String flowId, int version, boolean migrate) {
    Flow flow = load(flowId, version);
    int moved =
        db.transaction(
            c -> {
              FlowStatus status = status(c, flowId);
              if (status == FlowStatus.ARCHIVED) {
                throw new IllegalArgumentException(
                    "flow '" + flowId + "' is archived; create a new flow id to start again");
              }
              long now = clock.millis();
              Sql.update(
                  c,
                  "UPDATE flows SET status = 'PUBLISHED', current_version = ?, updated_at = ?"
                      + " WHERE id = ?",
                  version,
                  now,
                  flowId);
              Sql.update(
                  c,
                  "UPDATE flow_versions SET published_at = coalesce(published_at, ?)"
                      + " WHERE flow_id = ? AND version = ?",
                  now,
                  flowId,
                  version);
              if (!(flow.trigger() instanceof Trigger.Schedule)) {
                ScheduleTimers.forget(c, flowId);
              }
              if (!migrate) {
                return 0;
              }
              states.forgetFlow(flowId); // FlowStates.migrate writes them at once
              return FlowStates.migrate(c, flow);
            });
    generation.incrementAndGet();
    return moved;
  }

  /** Freezes a published flow: no entries, events or timers until it is published again. */
  public void pause(String flowId) {
    setStatus(flowId, FlowStatus.PAUSED, c -> null, FlowStatus.PUBLISHED);
  }

  /**
   * Freezes a flow for good; profiles inside stay where they were. A schedule flow's firings and
   * sweep ({@code schedule_timers}, {@code schedule_seeds}) are deleted in the same transaction as
   * the status change: an archived flow never fires again.
   */
  public void archive(String flowId) {
    setStatus(
        flowId,
        FlowStatus.ARCHIVED,
        c -> {
          ScheduleTimers.forget(c, flowId);
          return null;
        },
        FlowStatus.DRAFT,
        FlowStatus.PUBLISHED,
        FlowStatus.PAUSED);
  }

  /** Moves the flow from one of {@code from} to {@code to}, doing {@code alongside} with it. */
  private void setStatus(
      String flowId, FlowStatus to, Database.Work<?> alongside, FlowStatus... from) {
    db.transaction(
        c -> {
          FlowStatus now = status(c, flowId);
          if (!List.of(from).contains(now)) {
            throw new IllegalArgumentException(
                "flow '%s' is %s; only a flow that is %s can become %s"
                    .formatted(
                        flowId,
                        now.wireName(),
                        List.of(from).stream().map(FlowStatus::wireName).toList(),
                        to.wireName()));
          }
          Sql.update(
              c,
              "UPDATE flows SET status = ?, updated_at = ? WHERE id = ?",
              to.name(),
              clock.millis(),
              flowId);
          return alongside.run(c);
        });
    generation.incrementAndGet();
  }

  private static FlowStatus status(Connection c, String flowId) throws SQLException {
    return Sql.one(
            c,
            "SELECT status FROM flows WHERE id = ?",
            r -> FlowStatus.valueOf(r.getString(1)),
            flowId)
        .orElseThrow(() -> new IllegalArgumentException("no flow '" + flowId + "'"));
  }

  /** Every flow, by id. */
  public List<FlowSummary> list() {
    return db.read(c -> Sql.list(c, SUMMARY + " ORDER BY f.id", FlowStore::summary));
  }

  public Optional<FlowSummary> flow(String flowId) {
    return db.read(c -> Sql.one(c, SUMMARY + " WHERE f.id = ?", FlowStore::summary, flowId));
  }

  private static final String SUMMARY =
      "SELECT f.id, f.name, f.status, f.current_version, f.updated_at,"
          + " (SELECT max(version) FROM flow_versions v WHERE v.flow_id = f.id) FROM flows f";

  private static FlowSummary summary(ResultSet r) throws SQLException {
    int current = r.getInt(4);
    boolean draft = r.wasNull();
    return new FlowSummary(
        r.getString(1),
        r.getString(2),
        FlowStatus.valueOf(r.getString(3)),
        draft ? Optional.empty() : Optional.of(current),
        r.getInt(6),
        Instant.ofEpochMilli(r.getLong(5)));
  }

  /** The flow's versions, oldest first. */
  public List<FlowVersionInfo> versions(String flowId) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT version, created_at, published_at FROM flow_versions WHERE flow_id = ?"
                    + " ORDER BY version",
                r -> {
                  long published = r.getLong(3);
                  boolean never = r.wasNull();
                  return new FlowVersionInfo(
                      flowId,
                      r.getInt(1),
                      Instant.ofEpochMilli(r.getLong(2)),
                      never ? Optional.empty() : Optional.of(Instant.ofEpochMilli(published)));
                },
                flowId));
  }

  /** The document of a version as it was given. */
  public Optional<String> document(String flowId, int version) {
    return db.read(
        c ->
            Sql.one(
                c,
                "SELECT document FROM flow_versions WHERE flow_id = ? AND version = ?",
                r -> r.getString(1),
                flowId,
                version));
  }

  /**
   * A stored version as a flow, numbered as stored.
   *
   * @throws IllegalArgumentException for an unknown flow or version
   */
  public Flow load(String flowId, int version) {
    String text =
        document(flowId, version)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "flow '" + flowId + "' has no version " + version));
    Flow f = FlowReader.read(flowId + " v" + version, text).flow().orElseThrow();
    return new Flow(
        f.id(),
        f.name(),
        version,
        f.description(),
        f.trigger(),
        f.entry(),
        f.steps(),
        f.exits(),
        f.priority(),
        f.holdout(),
        f.quietHours());
  }

  /** Profiles inside the flow right now, per version and step. */
  public List<StepCount> stepCounts(String flowId) {
    return db.snapshot(
        c ->
            Sql.list(
                c,
                "SELECT version, step, sum(profiles) FROM flow_counts WHERE flow_id = ?"
                    + " AND step <> '' GROUP BY version, step HAVING sum(profiles) > 0"
                    + " ORDER BY version, step",
                r -> new StepCount(r.getInt(1), r.getString(2), r.getLong(3)),
                flowId));
  }

  /** Profiles whose last run ended, by outcome ({@code CONVERTED}, {@code EXITED}, …). */
  public Map<String, Long> outcomes(String flowId) {
    return counts(
        "SELECT outcome, sum(profiles) FROM flow_counts WHERE flow_id = ? AND step = ''"
            + " AND outcome <> '' GROUP BY outcome HAVING sum(profiles) > 0",
        flowId);
  }

  /** Suppressed messages of the flow by cause. */
  public Map<Verdict.Cause, Long> suppressions(String flowId) {
    Map<Verdict.Cause, Long> out = new EnumMap<>(Verdict.Cause.class);
    counts("SELECT cause, count(*) FROM suppressions WHERE flow_id = ? GROUP BY cause", flowId)
        .forEach((k, v) -> out.put(Verdict.Cause.valueOf(k), v));
    return out;
  }

  /** Outbox rows of the flow by status ({@code pending}, {@code sent}, {@code failed}, …). */
  public Map<String, Long> outboxCounts(String flowId) {
    return counts(
        "SELECT status, sum(messages) FROM outbox_counts WHERE flow_id = ? GROUP BY status"
            + " HAVING sum(messages) > 0",
        flowId);
  }

  private Map<String, Long> counts(String sql, String flowId) {
    return db.snapshot(
        c -> {
          Map<String, Long> out = new LinkedHashMap<>();
          Sql.list(c, sql, r -> out.put(r.getString(1), r.getLong(2)), flowId);
          return out;
        });
  }

  /**
   * Entries, waiting profiles, messages, suppressions and conversion of a flow so far, as of one
   * moment. Read beside the flow thread ({@link trailmap.store.Database#snapshot}): for a flow with
   * a million entries this takes seconds, which the flow thread once waited out.
   */
  public FlowStats stats(String flowId) {
    return db.snapshot(c -> FlowStatsQuery.of(c, flowId));
  }

  /** Stores an email body template; {@code {{traits.firstName}}} placeholders are HTML-escaped. */
  public void saveTemplate(String name, String body) {
    db.transaction(
        c -> {
          // A body of its own number: the emails queued with the one before keep theirs.
          templateBodies.save(c, name, body);
          return Sql.update(
              c,
              "INSERT INTO templates (name, body, updated_at) VALUES (?, ?, ?)"
                  + " ON CONFLICT (name) DO UPDATE SET body = excluded.body,"
                  + " updated_at = excluded.updated_at",
              name,
              body,
              clock.millis());
        });
  }

  /**
   * The email bodies the flow thread's decisions render and the sender writes out, kept after their
   * first read.
   */
  TemplateBodies templateBodies() {
    return templateBodies;
  }

  public Optional<String> template(String name) {
    return db.read(c -> template(c, name));
  }

  static Optional<String> template(Connection c, String name) throws SQLException {
    return Sql.one(c, "SELECT body FROM templates WHERE name = ?", r -> r.getString(1), name);
  }

  /** The profile's flow timeline, newest first, at most {@code limit} lines. */
  public List<FlowActivity> activity(String profileId, int limit) {
    return db.snapshot(
        c ->
            Sql.list(
                c,
                "SELECT at, flow_id, version, step, kind, outcome, reason, outbox_id FROM activity"
                    + " WHERE profile_key = "
                    + FlowProfiles.KEY
                    + " ORDER BY seq DESC LIMIT ?",
                r ->
                    new FlowActivity(
                        Instant.ofEpochMilli(r.getLong(1)),
                        r.getString(2),
                        r.getInt(3),
                        Optional.ofNullable(r.getString(4)),
                        r.getString(5),
                        r.getString(6),
                        r.getString(7),
                        Optional.ofNullable(r.getString(8))),
                profileId,
                limit));
  }

  /**
   * Records that the profile unsubscribed from a topic (on every channel) or from a channel.
   *
   * @param scope {@code topic} or {@code channel}
   * @param source who asked, e.g. {@code list-unsubscribe}
   */
  public void unsubscribe(String profileId, String scope, String value, String source) {
    if (!scope.equals("topic") && !scope.equals("channel")) {
      throw new IllegalArgumentException("scope must be topic or channel, was " + scope);
    }
    db.transaction(
        c ->
            Sql.update(
                c,
                "INSERT INTO consent (profile_id, scope, value, subscribed, at, source)"
                    + " VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT (profile_id, scope, value) DO UPDATE"
                    + " SET subscribed = 0, at = excluded.at, source = excluded.source",
                profileId,
                scope,
                value,
                clock.millis(),
                source));
  }

  /** The profile's subscriptions as the message policy reads them. */
  public Consent consent(String profileId) {
    return db.read(c -> consent(c, profileId));
  }

  static Consent consent(Connection c, String profileId) throws SQLException {
    ConsentRows rows = new ConsentRows();
    Sql.list(
        c,
        "SELECT scope, value, subscribed FROM consent WHERE profile_id = ?",
        r -> rows.add(r.getString(1), r.getString(2), r.getInt(3) == 1),
        profileId);
    return rows.consent();
  }

  /** The query of {@link #consent(Connection, List)}, its {@code IN} list to fill. */
  static final String CONSENT_IN =
      "SELECT profile_id, scope, value, subscribed FROM consent WHERE profile_id IN (%s)";

  /**
   * The consent of each of {@code profileIds} (distinct) that has any rows, {@link Sql#IN_CHUNK} to
   * a statement (a batch of timers reads theirs at once); one without rows is not in the map, and
   * its consent is {@link Consent#DEFAULT}.
   */
  static Map<String, Consent> consent(Connection c, List<String> profileIds) throws SQLException {
    Map<String, ConsentRows> rows = new HashMap<>();
    Sql.inList(
        c,
        CONSENT_IN,
        r ->
            rows.computeIfAbsent(r.getString(1), k -> new ConsentRows())
                .add(r.getString(2), r.getString(3), r.getInt(4) == 1),
        profileIds);
    Map<String, Consent> out = new HashMap<>();
    rows.forEach((id, r) -> out.put(id, r.consent()));
    return out;
  }

  /** A profile's {@code consent} rows as they are read: scope, value, subscribed or not. */
  private static final class ConsentRows {
    private final Set<String> subscribed = new HashSet<>();
    private final Set<String> offChannels = new HashSet<>();
    private final Set<String> offTopics = new HashSet<>();

    boolean add(String scope, String value, boolean on) {
      if (scope.equals("topic")) {
        return on || offTopics.add(value);
      }
      return on ? subscribed.add(value) : offChannels.add(value);
    }

    Consent consent() {
      return new Consent(subscribed, offChannels, offTopics);
    }
  }

  /** One outbox row. */
  public Optional<OutboxMessage> outbox(String profileId, String id) {
    return db.read(
        c ->
            Sql.one(
                c,
                Outbox.SELECT + " WHERE profile_key = " + FlowProfiles.KEY + " AND id = ?",
                Outbox::row,
                profileId,
                id));
  }

  /** Every outbox row of a profile, oldest first. */
  public List<OutboxMessage> outboxOf(String profileId) {
    return db.snapshot(
        c ->
            Sql.list(
                c,
                Outbox.SELECT
                    + " WHERE profile_key = "
                    + FlowProfiles.KEY
                    + " ORDER BY created_at, id",
                Outbox::row,
                profileId));
  }

  /** The event-log position of the next event the runtime will process. */
  public long position() {
    return db.read(c -> position(c));
  }

  /**
   * Records an API trigger of {@code flowId} for the profile; the runtime carries it out (the
   * flow's entry rules decide whether the profile enters) and deletes it in the same transaction,
   * so an accepted call survives a crash and is handled once. The same transaction logs the call
   * for dry runs ({@link #apiCallLog}) and prunes logged calls older than 400 days.
   */
  public void requestApiCall(String flowId, String profileId) {
    long now = clock.millis();
    db.transaction(
        c -> {
          Sql.update(
              c,
              "INSERT INTO api_calls (flow_id, profile_id, requested_at) VALUES (?, ?, ?)",
              flowId,
              profileId,
              now);
          ApiCallLog.record(c, flowId, profileId, now);
          return null;
        });
  }

  /**
   * The logged API calls of {@code flowId} requested in {@code [from, to)} (an absent bound does
   * not limit), oldest first, each naming the profile it was made for. Calls are kept 400 days
   * after they were made; an erased person's calls are deleted with them ({@link #erase}).
   */
  public List<TriggerHistory.Firing> apiCallLog(
      String flowId, Optional<Instant> from, Optional<Instant> to) {
    return db.snapshot(c -> ApiCallLog.read(c, flowId, from, to));
  }

  static long position(Connection c) throws SQLException {
    return Sql.one(c, "SELECT position FROM processor WHERE id = 1", r -> r.getLong(1)).orElse(0L);
  }

  /** Signs and checks the one-click unsubscribe links of this installation's emails. */
  public UnsubscribeTokens unsubscribeTokens() {
    return new UnsubscribeTokens(secret("unsubscribe"));
  }

  /**
   * The secret webhook requests are signed with; give it to the receivers (see
   * docs/flows-runtime.md). Made on first use and kept in flows.db.
   */
  public String webhookSecret() {
    return secret("webhook");
  }

  /**
   * The installation's seed of holdout and split assignment, as the runtime hands it to the engine
   * (made on first use and kept in flows.db): a dry run with it holds out the same profiles as
   * live.
   */
  public long assignmentSeed() {
    return Long.parseUnsignedLong(secret("seed").substring(0, 16), 16);
  }

  /** A secret kept in the store, made (32 random bytes, hex) on first use. */
  String secret(String name) {
    return db.transaction(
        c -> {
          Optional<String> have =
              Sql.one(c, "SELECT value FROM secrets WHERE name = ?", r -> r.getString(1), name);
          if (have.isPresent()) {
            return have.get();
          }
          byte[] bytes = new byte[32];
          new SecureRandom().nextBytes(bytes);
          String value = HexFormat.of().formatHex(bytes);
          Sql.update(c, "INSERT INTO secrets (name, value) VALUES (?, ?)", name, value);
          return value;
        });
  }

  /** Active flows and their current versions: what the runtime runs. */
  List<String[]> published() {
    return db.read(
        c -> {
          List<String[]> out = new ArrayList<>();
          Sql.list(
              c,
              "SELECT id, current_version FROM flows WHERE status = 'PUBLISHED' ORDER BY id",
              r -> out.add(new String[] {r.getString(1), String.valueOf(r.getInt(2))}));
          return out;
        });
  }

  /**
   * Forgets erased people ({@code DELETE /api/profiles/{id}}): deletes every row of every flows.db
   * table with a {@code profile_id} column that names one of {@code profiles} (flow state,
   * wake-ups, outbox rows with their rendered messages, send history, suppressions, consent, the
   * flow timeline, API calls and their log, schedule firings, and any such table added later), by
   * their number in flows.db where a table has a {@code profile_key} column ({@link FlowProfiles};
   * the number's own row too, and a table with the number alone), in one transaction, then
   * checkpoints the WAL, so no row and no page of the files names them. A schedule sweep that had
   * stopped at one of them goes on from the previous profile with a firing instead.
   *
   * <p>Waits for the runtime's unit of work in flight (a page of events, a batch of timers, a send
   * being handed over); afterwards the runtime neither sends one of the deleted outbox rows nor
   * records a result for one. Idempotent: erasing people with no rows changes nothing.
   *
   * @throws trailmap.store.StoreException when flows.db cannot be written (nothing was deleted), or
   *     when the closing checkpoint could not empty the WAL (the rows were deleted, older page
   *     images may remain): either way the caller keeps the erasure pending and runs it again
   */
  public void erase(Set<ProfileId> profiles) {
    erasure.erase(profiles);
  }

  /** See {@link FlowErasure#outside}. */
  <T> T outsideErasure(Supplier<T> work) {
    return erasure.outside(work);
  }

  /** How many erasures have committed since the store was opened. */
  long erasures() {
    return erasure.count();
  }

  /** See {@link FlowErasure#lastHeld}. */
  Duration lastErasureHeld() {
    return erasure.lastHeld();
  }

  @Override
  public void close() {
    db.close();
  }
}
