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
              "INSERT INTO processor (id, position) VALUES (1, 0)"));
}
