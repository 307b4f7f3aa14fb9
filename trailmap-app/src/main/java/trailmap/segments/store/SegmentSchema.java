package trailmap.segments.store;

import java.util.List;

/** The append-only schema steps of {@code DATA_DIR/segments.db}; never edit a released step. */
final class SegmentSchema {
  private SegmentSchema() {}

  static final List<List<String>> STEPS =
      List.of(
          List.of(
              """
              CREATE TABLE segments (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                document TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
              )""",
              """
              CREATE TABLE memberships (
                segment_id TEXT NOT NULL,
                profile_id TEXT NOT NULL,
                rule_holds INTEGER NOT NULL,
                manual INTEGER,
                member INTEGER NOT NULL,
                entered_at INTEGER,
                left_at INTEGER,
                PRIMARY KEY (segment_id, profile_id)
              )""",
              "CREATE INDEX memberships_by_member ON memberships(segment_id, member, profile_id)",
              """
              CREATE TABLE changes (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                segment_id TEXT NOT NULL,
                profile_id TEXT NOT NULL,
                entered INTEGER NOT NULL,
                at INTEGER NOT NULL,
                cause TEXT NOT NULL
              )""",
              """
              CREATE TABLE checks (
                profile_id TEXT PRIMARY KEY,
                due_at INTEGER NOT NULL
              )""",
              "CREATE INDEX checks_by_due ON checks(due_at)",
              "CREATE TABLE backfills (segment_id TEXT PRIMARY KEY, after TEXT NOT NULL)",
              """
              CREATE TABLE processor (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                position INTEGER NOT NULL
              )""",
              "INSERT INTO processor (id, position) VALUES (1, 0)"),
          // Membership from bounded evidence instead of whole histories (docs/segments.md).
          List.of(
              """
              CREATE TABLE evidence (
                segment_id TEXT NOT NULL,
                reader INTEGER NOT NULL,
                position INTEGER NOT NULL,
                profile_id TEXT NOT NULL,
                at_sec INTEGER NOT NULL,
                at_nano INTEGER NOT NULL,
                stage TEXT NOT NULL,
                PRIMARY KEY (segment_id, reader, position)
              )""",
              "CREATE INDEX evidence_by_profile ON evidence(profile_id, segment_id)",
              // Merges, erasures and the sweep find a profile's memberships.
              "CREATE INDEX memberships_by_profile ON memberships(profile_id)",
              "CREATE TABLE map_revisions (map_id TEXT PRIMARY KEY, revision TEXT NOT NULL)",
              """
              CREATE TABLE revision (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                n INTEGER NOT NULL
              )""",
              "INSERT INTO revision (id, n) VALUES (1, 0)",
              """
              CREATE TABLE sweeps (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                after TEXT NOT NULL
              )""",
              // Existing segments have no evidence yet: build it from the histories once.
              "INSERT OR REPLACE INTO backfills (segment_id, after) SELECT id, '' FROM segments"),
          // Dry runs of segment flows read one segment's entries by time (SegmentStore.entries).
          List.of("CREATE INDEX changes_by_segment ON changes(segment_id, entered, at)"),
          // Erasures delete a person's changes, and the prune the oldest (ChangeHistory.record),
          // without reading the whole table.
          List.of(
              "CREATE INDEX changes_by_profile ON changes(profile_id)",
              "CREATE INDEX changes_by_time ON changes(at)"));
}
