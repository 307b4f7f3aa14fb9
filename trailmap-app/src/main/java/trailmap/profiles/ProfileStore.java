package trailmap.profiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trailmap.eventlog.EventLog;
import trailmap.eventlog.EventLog.LogEntry;
import trailmap.store.StoreException;

/**
 * Profiles, their identities, merges, traits (with history) and timelines, in {@code
 * DATA_DIR/profiles.db}, with the log position the processor has applied up to.
 *
 * <pre>{@code
 * try (ProfileStore store = ProfileStore.open(dataDir, IdentityRules.defaults(), clock)) {
 *   store.apply(log.read(store.position(), 500));
 *   store.resolve(ProfileRef.parse("userId:u-42")).flatMap(store::profile);
 * }
 * }</pre>
 *
 * Thread-safe: one connection behind a lock, so reads wait for an applying batch to commit and
 * never see half of it.
 */
public final class ProfileStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProfileStore.class);

  static final List<String> TABLES =
      List.of(
          "profiles",
          "identities",
          "merges",
          "traits",
          "events",
          "deletions",
          "pending_erasures",
          "pending_erasure_refs");

  private final ProfileDatabase db;
  private final ProfileWriter writer;
  private final Clock clock;

  private ProfileStore(ProfileDatabase db, IdentityRules rules, Clock clock) {
    this.db = db;
    this.writer = new ProfileWriter(rules);
    this.clock = clock;
    this.erasing = erasingNow();
  }

  /**
   * Every id a pending erasure erases ({@link #pendingErasures}), kept in memory so the flow
   * runtime's sender can ask before each message without reading profiles.db, whose lock the
   * profile processor holds for a whole batch. Refreshed when an erasure is recorded or finished.
   */
  private volatile Set<ProfileId> erasing;

  /**
   * Counts deletions, once as each starts and once as it has committed: a reader that took the
   * count before a deletion and finds it unchanged read nothing the deletion removed ({@link
   * #deletions}).
   */
  private final java.util.concurrent.atomic.AtomicLong deletions =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * A count that moves when a deletion starts and again when it has committed: what the flow
   * runtime compares to tell whether views it read ahead may hold a person erased since.
   */
  public long deletions() {
    return deletions.get();
  }

  /** Synchronized: two refreshes at once must not leave the older set in place. */
  private synchronized void refreshErasing() {
    erasing = erasingNow();
  }

  private Set<ProfileId> erasingNow() {
    Set<ProfileId> ids = new HashSet<>();
    for (PendingErasure erasure : pendingErasures()) {
      ids.addAll(erasure.erased());
    }
    return Set.copyOf(ids);
  }

  /**
   * Whether {@code id} (a profile's own, or one merged into it) belongs to a person whose erasure
   * is recorded but not finished in every store: nothing may be sent to them meanwhile.
   */
  public boolean erasurePending(ProfileId id) {
    return erasing.contains(id);
  }

  /**
   * Opens (creating when absent) {@code dataDir/profiles.db}.
   *
   * @param clock gives the time a deletion is recorded at
   * @throws trailmap.store.StoreException when the directory or file is unusable
   */
  public static ProfileStore open(Path dataDir, IdentityRules rules, Clock clock) {
    return new ProfileStore(ProfileDatabase.open(dataDir), rules, clock);
  }

  /** The database file. */
  public Path file() {
    return db.file();
  }

  /** The log position of the next event to apply: every event before it has been applied. */
  public long position() {
    return db.read(ProfileStore::position);
  }

  private static long position(Connection c) throws SQLException {
    return Long.parseLong(
        ProfileReader.one(c, "SELECT position FROM processor WHERE id = 1").orElse("0"));
  }

  /**
   * Applies consecutive log entries and moves the position past them, in one transaction: after a
   * crash either all of them and the new position are stored, or none.
   *
   * @param entries consecutive, starting at {@link #position()}
   * @return the limit refusals met, in log order, for the caller to log
   * @throws IllegalStateException when the entries do not start at the position or have gaps, so an
   *     event is never applied twice or skipped
   */
  public List<LimitRefusal> apply(List<LogEntry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    for (int i = 1; i < entries.size(); i++) {
      if (entries.get(i).position() != entries.get(i - 1).position() + 1) {
        throw new IllegalStateException(
            "log entry at position "
                + entries.get(i).position()
                + " does not follow position "
                + entries.get(i - 1).position());
      }
    }
    return apply(new EventLog.Page(entries, entries.getLast().position() + 1), true);
  }

  /**
   * Applies a page read from the log at {@link #position()} and moves the position to its {@code
   * next}, in one transaction. Positions the page skips were erased from the log.
   *
   * @throws IllegalStateException when the page's first entry lies before the position, entries are
   *     out of order, or {@code next} does not lie past them, so no event is applied twice
   */
  public List<LimitRefusal> apply(EventLog.Page page) {
    return apply(page, false);
  }

  private List<LimitRefusal> apply(EventLog.Page page, boolean contiguous) {
    List<LogEntry> entries = page.entries();
    return db.transaction(
        c -> {
          writer.startBatch();
          long expected = position(c);
          if (entries.isEmpty() && page.next() <= expected) {
            return List.of();
          }
          List<LimitRefusal> refusals = new ArrayList<>();
          for (LogEntry entry : entries) {
            if (entry.position() < expected || (contiguous && entry.position() != expected)) {
              throw new IllegalStateException(
                  "log entry at position "
                      + entry.position()
                      + " does not follow the applied position "
                      + expected
                      + " in "
                      + db.file());
            }
            writer.apply(c, entry).ifPresent(refusals::add);
            expected = entry.position() + 1;
          }
          if (page.next() < expected) {
            throw new IllegalStateException(
                "the page's next position " + page.next() + " lies before its entries");
          }
          ProfileWriter.update(c, "UPDATE processor SET position = ? WHERE id = 1", page.next());
          return List.copyOf(refusals);
        });
  }

  /** The profile's own id for a reference; empty when nobody holds it (or it was deleted). */
  public Optional<ProfileId> resolve(ProfileRef ref) {
    return db.read(c -> ProfileReader.resolve(c, ref));
  }

  /** Everything held on a profile but its events; empty for an unknown id. */
  public Optional<ProfileRecord> profile(ProfileId id) {
    return db.read(c -> ProfileReader.profile(c, id));
  }

  /**
   * The profile now (identities, current traits) with its events at or after {@code since} of the
   * names in {@code eventNames} (as {@link #events(ProfileId, Set, Instant)} reads them), in one
   * read; an id that was merged into another profile gives that profile. Empty for an unknown id.
   * Read beside the processor ({@link trailmap.store.Database#snapshot}): the flow runtime reads a
   * profile for every event and timer it handles, and waited for each of the processor's batch
   * commits.
   */
  public Optional<CurrentProfile> current(ProfileId id, Set<String> eventNames, Instant since) {
    return db.snapshot(c -> CurrentProfiles.read(c, List.of(id), eventNames, since).get(id));
  }

  /**
   * {@link #current(ProfileId, Set, Instant)} for each of {@code ids}, all in one read transaction:
   * as of one moment, without a transaction's start and end per profile (a batch of due timers
   * reads 500, trailmap-bench/README.md, session 17), and in four statements per 500 ids rather
   * than four per profile ({@link CurrentProfiles}).
   */
  public Map<ProfileId, Optional<CurrentProfile>> current(
      Collection<ProfileId> ids, Set<String> eventNames, Instant since) {
    return db.snapshot(c -> CurrentProfiles.read(c, ids, eventNames, since));
  }

  /**
   * A page of the profile's events in time order, ties in log order.
   *
   * @throws IllegalArgumentException for a cursor this store did not give
   */
  public TimelinePage timeline(ProfileId id, TimelineQuery query) {
    return db.read(c -> ProfileReader.timeline(c, id, query));
  }

  /**
   * The ids of every profile held, in id order, at most {@code limit} after {@code after}
   * (exclusive; "" for the start), for jobs that visit every profile a page at a time.
   */
  public List<ProfileId> ids(String after, int limit) {
    return db.read(
        c -> {
          try (var s =
              c.prepareStatement("SELECT id FROM profiles WHERE id > ? ORDER BY id LIMIT ?")) {
            s.setString(1, after);
            s.setInt(2, limit);
            List<ProfileId> ids = new java.util.ArrayList<>();
            try (var r = s.executeQuery()) {
              while (r.next()) {
                ids.add(new ProfileId(r.getString(1)));
              }
            }
            return ids;
          }
        });
  }

  /**
   * Which profile holds each event at log positions {@code [from, to)} now (after every merge
   * applied so far), for followers of the log that keep per-profile state; positions that were
   * erased, or not applied yet, are absent. Read beside the processor, as {@link #current} is.
   */
  public Map<Long, ProfileId> holders(long from, long to) {
    return db.snapshot(
        c -> {
          try (var s =
              c.prepareStatement(
                  "SELECT position, profile_id FROM events WHERE position >= ? AND position < ?")) {
            s.setLong(1, from);
            s.setLong(2, to);
            Map<Long, ProfileId> out = new HashMap<>();
            try (var r = s.executeQuery()) {
              while (r.next()) {
                out.put(r.getLong(1), new ProfileId(r.getString(2)));
              }
            }
            return out;
          }
        });
  }

  /**
   * The profiles merged into {@code holder} by the events at log positions {@code [from, to)}, in
   * log order. A merge's record moves with later merges, so {@code holder} is the profile that
   * holds those events now ({@link #holders}).
   */
  public List<ProfileId> absorbedBy(ProfileId holder, long from, long to) {
    return db.read(
        c -> {
          try (var s =
              c.prepareStatement(
                  "SELECT absorbed_id FROM merges WHERE profile_id = ? AND position >= ?"
                      + " AND position < ? ORDER BY position, id")) {
            s.setString(1, holder.value());
            s.setLong(2, from);
            s.setLong(3, to);
            List<ProfileId> out = new ArrayList<>();
            try (var r = s.executeQuery()) {
              while (r.next()) {
                out.add(new ProfileId(r.getString(1)));
              }
            }
            return out;
          }
        });
  }

  /** All of the profile's events in time order, ties in log order. */
  public List<StoredEvent> events(ProfileId id) {
    return db.read(c -> ProfileReader.allEvents(c, id));
  }

  /**
   * The profile's events at or after {@code since} (by whole second) with one of these names, an
   * unnamed event (identify, alias, an unnamed page) going by its type as flows name it; in time
   * order, ties in log order.
   */
  public List<StoredEvent> events(ProfileId id, Set<String> names, Instant since) {
    return db.snapshot(c -> ProfileReader.eventsNamed(c, id, names, since));
  }

  /**
   * Deletes the person everywhere: erases their events from {@code log} (the positions this store
   * attributed to the profile, see docs/profiles.md), then deletes their events, traits,
   * identities, merges and the profile from this database, and records only the SHA-256 of the
   * profile id, the time and how many events went. The log erasure runs inside the database
   * transaction, so the processor cannot attribute another event to the profile meanwhile; if the
   * erasure fails, nothing is deleted here and the deletion can simply be retried (erasing again is
   * a no-op). Deleted rows are overwritten ({@code secure_delete}, on for the whole connection, so
   * copies left by earlier rewrites of the person's rows were overwritten too); the WAL, which
   * still holds older images of those pages, is checkpointed when the erasure finishes ({@link
   * #erasureFinished}), so the values are gone from the files too.
   *
   * <p>The same transaction records the erasure as pending ({@link PendingErasure}: the profile id,
   * the ids merged into it and hashes of the references that named them), so the stores outside
   * profiles.db can still be told after a failure or a crash; {@link #erasureFinished} ends it.
   *
   * @return how many events were deleted; empty when there was no such profile
   * @throws trailmap.eventlog.EventLogException or another unchecked exception when the log could
   *     not erase
   */
  public OptionalLong delete(ProfileId id, EventLog log) {
    deletions.incrementAndGet();
    OptionalLong deleted =
        db.transaction(
            c -> {
              if (ProfileReader.one(c, "SELECT id FROM profiles WHERE id = ?", id.value())
                  .isEmpty()) {
                return OptionalLong.empty();
              }
              Set<Long> positions = eventPositions(c, id);
              eraseFromLog(log, positions);
              PendingErasureRows.record(c, id);
              for (String table : List.of("events", "traits", "identities", "merges")) {
                ProfileWriter.update(
                    c, "DELETE FROM " + table + " WHERE profile_id = ?", id.value());
              }
              ProfileWriter.update(c, "DELETE FROM profiles WHERE id = ?", id.value());
              ProfileWriter.update(
                  c,
                  "INSERT INTO deletions (id_hash, deleted_at, events) VALUES (?, ?, ?)",
                  sha256(id.value()),
                  clock.instant().toString(),
                  positions.size());
              return OptionalLong.of(positions.size());
            });
    deletions.incrementAndGet();
    if (deleted.isPresent()) {
      refreshErasing();
    }
    return deleted;
  }

  /**
   * Deletions that erased the person from the log and profiles.db but were not yet finished in the
   * other stores (one of them failed, or the server stopped first), oldest profile id first.
   */
  public List<PendingErasure> pendingErasures() {
    return db.read(PendingErasureRows::all);
  }

  /**
   * The pending erasures {@code ref} named when they were deleted (by the profile's id, an id
   * merged into it, or one of its identities), so a retry of the same deletion finds them.
   */
  public List<PendingErasure> pendingErasures(ProfileRef ref) {
    return db.read(c -> PendingErasureRows.namedBy(c, ref));
  }

  /**
   * Ends {@code profile}'s pending erasure once every other store has erased them: checkpoints the
   * WAL, whose old page images still hold the deleted values, then forgets the record. The record
   * goes only after the checkpoint, so a checkpoint that fails (another connection, an analytics
   * query, held the WAL past the busy timeout) leaves the erasure pending and a retry of the
   * deletion runs it again, instead of answering that it finished.
   *
   * @throws StoreException when the checkpoint could not empty the WAL; the erasure stays pending
   */
  public void erasureFinished(ProfileId profile) {
    // Synced, so a power loss cannot bring the deleted values back.
    db.durableCheckpoint();
    db.transaction(
        c -> {
          PendingErasureRows.finished(c, profile);
          return null;
        });
    refreshErasing();
    try {
      // The record's own rows (ids and reference hashes) out of the WAL too.
      db.durableCheckpoint();
    } catch (StoreException e) {
      LOG.warn(
          "profiles: the checkpoint after a finished erasure could not empty profiles.db's WAL"
              + " ({}); the next checkpoint does",
          e.getMessage());
    }
  }

  private static Set<Long> eventPositions(Connection c, ProfileId id) throws SQLException {
    Set<Long> positions = new HashSet<>();
    try (var q = c.prepareStatement("SELECT position FROM events WHERE profile_id = ?")) {
      q.setString(1, id.value());
      try (var rows = q.executeQuery()) {
        while (rows.next()) {
          positions.add(rows.getLong(1));
        }
      }
    }
    return positions;
  }

  private static void eraseFromLog(EventLog log, Set<Long> positions) {
    try {
      log.erase(positions).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** How many rows of {@code table} mention {@code text} anywhere; for checking deletions. */
  long rowsMentioning(String table, String text) {
    if (!TABLES.contains(table)) {
      throw new IllegalArgumentException("no table " + table + "; one of " + TABLES);
    }
    return db.read(
        c -> {
          List<String> columns = new ArrayList<>();
          try (var rows = c.createStatement().executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rows.next()) {
              columns.add(rows.getString("name"));
            }
          }
          String where =
              String.join(
                  " OR ",
                  columns.stream().map(col -> "instr(CAST(" + col + " AS TEXT), ?) > 0").toList());
          try (var q = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + where)) {
            for (int i = 0; i < columns.size(); i++) {
              q.setString(i + 1, text);
            }
            try (var rows = q.executeQuery()) {
              return rows.next() ? rows.getLong(1) : 0L;
            }
          }
        });
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
