package trailmap.segments.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import trailmap.maps.format.MapProblem;
import trailmap.profiles.ProfileId;
import trailmap.segments.Segment;
import trailmap.segments.format.SegmentReadResult;
import trailmap.segments.format.SegmentReader;
import trailmap.store.Database;

/**
 * Segment definitions and memberships in {@code DATA_DIR/segments.db} (WAL, synchronous FULL:
 * membership changes feed flows and cannot be rebuilt exactly once flows acted on them).
 *
 * <pre>{@code
 * try (SegmentStore segments = SegmentStore.open(dataDir, clock)) {
 *   SegmentSave saved = segments.save("repeat.yaml", yaml, Optional.empty());
 *   segments.members("repeat-buyers", "", 100);
 * }
 * }</pre>
 *
 * <p>A profile is a member when a flow added it by hand ({@code addToSegment}), or when the rule
 * holds and no flow removed it by hand ({@code removeFromSegment}). Every change of that answer is
 * a {@link MembershipChange}. Thread-safe: one connection behind the database's lock.
 */
public final class SegmentStore implements AutoCloseable {
  /**
   * How long a recorded change ({@link #changesAfter}, {@link #entries}) is kept: 400 days. Older
   * ones are pruned as new changes are recorded.
   */
  public static final Duration CHANGE_HISTORY = ChangeHistory.HORIZON;

  private final Database db;
  private final Clock clock;

  private SegmentStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Opens (creating when absent) {@code dataDir/segments.db}. */
  public static SegmentStore open(Path dataDir, Clock clock) {
    return new SegmentStore(
        Database.open(
            dataDir.resolve("segments.db"), SegmentSchema.STEPS, Database.Synchronous.FULL),
        clock);
  }

  /** The database, for the membership processor's transactions. */
  public Database db() {
    return db;
  }

  /**
   * The stored revision: it moves in the same transaction as every save, delete and erasure, so a
   * follower that read definitions or evidence at one revision can check in its own transaction
   * that nothing changed meanwhile.
   */
  public static long revision(Connection c) throws SQLException {
    return ((Number) one(c, "SELECT n FROM revision WHERE id = 1")).longValue();
  }

  private static void bumpRevision(Connection c) throws SQLException {
    update(c, "UPDATE revision SET n = n + 1 WHERE id = 1");
  }

  /**
   * Forgets erased people ({@code DELETE /api/profiles/{id}}): their memberships, evidence, checks
   * and recorded transitions, with {@code secure_delete} on and the WAL checkpointed afterwards, so
   * no row and no page of the files names them. No transition is recorded. Idempotent.
   *
   * @throws trailmap.store.StoreException when the checkpoint could not empty the WAL (another
   *     connection kept reading it past the busy timeout): the rows are deleted but older page
   *     images may remain, so the caller keeps the erasure pending and runs it again
   */
  public void erase(Set<ProfileId> profiles) {
    if (profiles.isEmpty()) {
      return;
    }
    db.transaction(
        c -> {
          try (Statement pragma = c.createStatement()) {
            pragma.execute("PRAGMA secure_delete = ON");
          }
          for (ProfileId profile : profiles) {
            Memberships.forget(c, profile.value());
          }
          bumpRevision(c);
          return null;
        });
    db.checkpointTruncate();
  }

  /**
   * Validates and stores a segment document; a new or changed rule is evaluated for every profile
   * by the processor (a backfill), not only for those with new events.
   *
   * @param expectedId for PUT: the id the document must carry
   */
  public SegmentSave save(String source, String text, Optional<String> expectedId) {
    SegmentReadResult read = SegmentReader.read(source, text);
    if (!read.isValid()) {
      return new SegmentSave(Optional.empty(), false, read.problems());
    }
    Segment segment = read.segment().orElseThrow();
    if (expectedId.isPresent() && !expectedId.get().equals(segment.id())) {
      return new SegmentSave(
          Optional.empty(),
          false,
          List.of(
              new MapProblem(
                  source,
                  1,
                  1,
                  "the document's id '%s' differs from the path's '%s'"
                      .formatted(segment.id(), expectedId.get()))));
    }
    long now = clock.millis();
    boolean created =
        db.transaction(
            c -> {
              boolean exists = one(c, "SELECT 1 FROM segments WHERE id = ?", segment.id()) != null;
              if (exists) {
                update(
                    c,
                    "UPDATE segments SET name = ?, document = ?, updated_at = ? WHERE id = ?",
                    segment.name(),
                    text,
                    now,
                    segment.id());
              } else {
                update(
                    c,
                    "INSERT INTO segments (id, name, document, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                    segment.id(),
                    segment.name(),
                    text,
                    now,
                    now);
              }
              update(
                  c,
                  "INSERT OR REPLACE INTO backfills (segment_id, after) VALUES (?, '')",
                  segment.id());
              // The rule may read other events now: the backfill rebuilds the evidence.
              update(c, "DELETE FROM evidence WHERE segment_id = ?", segment.id());
              bumpRevision(c);
              return !exists;
            });
    return new SegmentSave(Optional.of(segment), created, List.of());
  }

  /**
   * Deletes a segment; its members leave it (recorded with cause {@code deleted}).
   *
   * @return false when there was no such segment
   */
  public boolean delete(String id) {
    long now = clock.millis();
    boolean deleted =
        db.transaction(
            c -> {
              if (update(c, "DELETE FROM segments WHERE id = ?", id) == 0) {
                return false;
              }
              for (String profile :
                  texts(
                      c,
                      "SELECT profile_id FROM memberships WHERE segment_id = ? AND member = 1",
                      id)) {
                ChangeHistory.record(c, id, profile, false, now, "deleted");
              }
              update(c, "DELETE FROM memberships WHERE segment_id = ?", id);
              update(c, "DELETE FROM backfills WHERE segment_id = ?", id);
              update(c, "DELETE FROM evidence WHERE segment_id = ?", id);
              bumpRevision(c);
              return true;
            });
    return deleted;
  }

  /** The ids of every segment, sorted; without {@link #list}'s member counts. */
  public List<String> ids() {
    return db.read(
        c -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement("SELECT id FROM segments ORDER BY id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              out.add(r.getString(1));
            }
          }
          return out;
        });
  }

  /** Every segment by id, with its member count. */
  public List<SegmentSummary> list() {
    return db.read(
        c -> {
          List<SegmentSummary> out = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT s.id, s.name, s.updated_at, (SELECT COUNT(*) FROM memberships m"
                          + " WHERE m.segment_id = s.id AND m.member = 1) FROM segments s ORDER BY s.id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              out.add(
                  new SegmentSummary(
                      r.getString(1),
                      r.getString(2),
                      r.getLong(4),
                      Instant.ofEpochMilli(r.getLong(3))));
            }
          }
          return out;
        });
  }

  /** The segment's summary and stored document as given. */
  public Optional<StoredSegment> segment(String id) {
    return db.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT s.name, s.document, s.updated_at, (SELECT COUNT(*) FROM memberships m"
                      + " WHERE m.segment_id = s.id AND m.member = 1) FROM segments s WHERE s.id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
              if (!r.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new StoredSegment(
                      new SegmentSummary(
                          id, r.getString(1), r.getLong(4), Instant.ofEpochMilli(r.getLong(3))),
                      r.getString(2)));
            }
          }
        });
  }

  /** Every stored definition, parsed. */
  public List<Segment> definitions() {
    return revisedDefinitions().segments();
  }

  /** Every stored definition, parsed, with the revision they were read at. */
  public Definitions revisedDefinitions() {
    long[] revision = new long[1];
    List<String[]> rows =
        db.read(
            c -> {
              revision[0] = revision(c);
              List<String[]> out = new ArrayList<>();
              try (PreparedStatement s =
                      c.prepareStatement("SELECT id, document FROM segments ORDER BY id");
                  ResultSet r = s.executeQuery()) {
                while (r.next()) {
                  out.add(new String[] {r.getString(1), r.getString(2)});
                }
              }
              return out;
            });
    List<Segment> segments = new ArrayList<>();
    for (String[] row : rows) {
      SegmentReader.read(row[0], row[1]).segment().ifPresent(segments::add);
    }
    return new Definitions(revision[0], segments);
  }

  /** Current members in profile id order, at most {@code limit} after {@code after} ("" first). */
  public List<Member> members(String segmentId, String after, int limit) {
    return db.read(
        c -> {
          List<Member> out = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT profile_id, entered_at, manual FROM memberships WHERE segment_id = ?"
                      + " AND member = 1 AND profile_id > ? ORDER BY profile_id LIMIT ?")) {
            s.setString(1, segmentId);
            s.setString(2, after);
            s.setInt(3, limit);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                out.add(
                    new Member(
                        new ProfileId(r.getString(1)),
                        Instant.ofEpochMilli(r.getLong(2)),
                        r.getObject(3) != null && r.getInt(3) == 1));
              }
            }
          }
          return out;
        });
  }

  /** The ids of the segment's current members; empty for an unknown segment. */
  public Optional<Set<String>> memberIds(String segmentId) {
    return db.read(
        c -> {
          if (one(c, "SELECT 1 FROM segments WHERE id = ?", segmentId) == null) {
            return Optional.empty();
          }
          return Optional.of(
              Set.copyOf(
                  new HashSet<>(
                      texts(
                          c,
                          "SELECT profile_id FROM memberships WHERE segment_id = ? AND member = 1",
                          segmentId))));
        });
  }

  /** Whether the profile is a member now. */
  public boolean isMember(String segmentId, ProfileId profile) {
    return db.read(
        c ->
            one(
                    c,
                    "SELECT 1 FROM memberships WHERE segment_id = ? AND profile_id = ? AND member = 1",
                    segmentId,
                    profile.value())
                != null);
  }

  /**
   * Transitions recorded after {@code seq}, oldest first, at most {@code limit}; those older than
   * {@link #CHANGE_HISTORY} may have been pruned.
   */
  public List<MembershipChange> changesAfter(long seq, int limit) {
    return db.read(
        c -> {
          List<MembershipChange> out = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT seq, segment_id, profile_id, entered, at, cause FROM changes"
                      + " WHERE seq > ? ORDER BY seq LIMIT ?")) {
            s.setLong(1, seq);
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                out.add(
                    new MembershipChange(
                        r.getLong(1),
                        r.getString(2),
                        new ProfileId(r.getString(3)),
                        r.getInt(4) == 1,
                        Instant.ofEpochMilli(r.getLong(5)),
                        r.getString(6)));
              }
            }
          }
          return out;
        });
  }

  /**
   * The recorded entries into {@code segmentId} at {@code from <= at < to} (an absent bound does
   * not limit), oldest first: every time a profile became a member, by its rule or a flow's {@code
   * addToSegment}, at the time the change was recorded (when a segment flow would have started). An
   * erased person's entries are gone, and so are entries older than {@link #CHANGE_HISTORY}; a
   * merged-away profile's keep its old id.
   */
  public List<MembershipChange> entries(
      String segmentId, Optional<Instant> from, Optional<Instant> to) {
    return db.read(
        c -> {
          List<MembershipChange> out = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT seq, profile_id, at, cause FROM changes WHERE segment_id = ?"
                      + " AND entered = 1 AND at >= ? AND at < ? ORDER BY at, seq")) {
            s.setString(1, segmentId);
            s.setLong(2, from.map(SegmentStore::ceilMillis).orElse(Long.MIN_VALUE));
            s.setLong(3, to.map(SegmentStore::ceilMillis).orElse(Long.MAX_VALUE));
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                out.add(
                    new MembershipChange(
                        r.getLong(1),
                        segmentId,
                        new ProfileId(r.getString(2)),
                        true,
                        Instant.ofEpochMilli(r.getLong(3)),
                        r.getString(4)));
              }
            }
          }
          return out;
        });
  }

  /** The first whole millisecond at or after {@code t}: a change at it is not before {@code t}. */
  private static long ceilMillis(Instant t) {
    long millis = t.toEpochMilli();
    return Instant.ofEpochMilli(millis).isBefore(t) ? millis + 1 : millis;
  }

  /**
   * A flow's {@code addToSegment} / {@code removeFromSegment}: holds the profile in (or out of) the
   * segment whatever the rule says, until the opposite action. Idempotent.
   *
   * @return false for an unknown segment (nothing recorded)
   */
  public boolean setManual(String segmentId, ProfileId profile, boolean add, String cause) {
    long now = clock.millis();
    return db.transaction(
        c -> {
          if (one(c, "SELECT 1 FROM segments WHERE id = ?", segmentId) == null) {
            return false;
          }
          Memberships.apply(
              c, segmentId, profile.value(), Optional.empty(), Optional.of(add), now, cause);
          return true;
        });
  }

  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      return s.executeUpdate();
    }
  }

  static Object one(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getObject(1) : null;
      }
    }
  }

  static List<String> texts(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, args);
      List<String> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    }
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
