package trailmap.flows.runtime;

import java.util.List;

/** The append-only schema steps of {@code DATA_DIR/flows.db}; never edit a released step. */
final class FlowSchema {
  private FlowSchema() {}

  /**
   * The triggers that keep {@code flow_counts} (the statistics' counts per flow, version, step and
   * last outcome) equal to counting {@code flow_state}: part of two steps, each of which creates
   * them on a new {@code flow_state}. Never edit them; a change is a new step.
   */
  private static final List<String> COUNT_TRIGGERS =
      List.of(
          """
          CREATE TRIGGER flow_state_counted AFTER INSERT ON flow_state BEGIN
            INSERT INTO flow_counts VALUES (NEW.flow_id, NEW.version, coalesce(NEW.step, ''),
                coalesce(NEW.outcome, ''), 1)
              ON CONFLICT DO UPDATE SET profiles = profiles + 1;
          END""",
          """
          CREATE TRIGGER flow_state_recounted AFTER UPDATE OF version, step, outcome ON flow_state
          WHEN OLD.version IS NOT NEW.version OR OLD.step IS NOT NEW.step
            OR OLD.outcome IS NOT NEW.outcome BEGIN
            UPDATE flow_counts SET profiles = profiles - 1 WHERE flow_id = OLD.flow_id
              AND version = OLD.version AND step = coalesce(OLD.step, '')
              AND outcome = coalesce(OLD.outcome, '');
            INSERT INTO flow_counts VALUES (NEW.flow_id, NEW.version, coalesce(NEW.step, ''),
                coalesce(NEW.outcome, ''), 1)
              ON CONFLICT DO UPDATE SET profiles = profiles + 1;
          END""",
          """
          CREATE TRIGGER flow_state_uncounted AFTER DELETE ON flow_state BEGIN
            UPDATE flow_counts SET profiles = profiles - 1 WHERE flow_id = OLD.flow_id
              AND version = OLD.version AND step = coalesce(OLD.step, '')
              AND outcome = coalesce(OLD.outcome, '');
          END""");

  /**
   * Keep {@code outbox_counts} (messages per flow, step, channel and status) as the outbox changes,
   * whichever statement changes it: a queued message (until the step after, which counts it in
   * Outbox.queue instead), the sender's status changes, an erasure.
   */
  private static final List<String> OUTBOX_COUNT_TRIGGERS =
      List.of(
          """
          CREATE TRIGGER outbox_counted AFTER INSERT ON outbox BEGIN
            INSERT INTO outbox_counts VALUES (NEW.flow_id, NEW.step, NEW.channel, NEW.status, 1)
              ON CONFLICT DO UPDATE SET messages = messages + 1;
          END""",
          """
          CREATE TRIGGER outbox_recounted AFTER UPDATE OF flow_id, step, channel, status ON outbox
          WHEN OLD.flow_id IS NOT NEW.flow_id OR OLD.step IS NOT NEW.step
            OR OLD.channel IS NOT NEW.channel OR OLD.status IS NOT NEW.status BEGIN
            UPDATE outbox_counts SET messages = messages - 1 WHERE flow_id = OLD.flow_id
              AND step = OLD.step AND channel = OLD.channel AND status = OLD.status;
            INSERT INTO outbox_counts VALUES (NEW.flow_id, NEW.step, NEW.channel, NEW.status, 1)
              ON CONFLICT DO UPDATE SET messages = messages + 1;
          END""",
          """
          CREATE TRIGGER outbox_uncounted AFTER DELETE ON outbox BEGIN
            UPDATE outbox_counts SET messages = messages - 1 WHERE flow_id = OLD.flow_id
              AND step = OLD.step AND channel = OLD.channel AND status = OLD.status;
          END""");

  static final List<List<String>> STEPS =
      List.of(
          List.of(
              """
              CREATE TABLE flows (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                status TEXT NOT NULL,
                current_version INTEGER,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
              )""",
              """
              CREATE TABLE flow_versions (
                flow_id TEXT NOT NULL REFERENCES flows(id),
                version INTEGER NOT NULL,
                document TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                published_at INTEGER,
                PRIMARY KEY (flow_id, version)
              )""",
              """
              CREATE TABLE flow_state (
                flow_id TEXT NOT NULL,
                profile_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                step TEXT,
                entered_at INTEGER,
                entries INTEGER NOT NULL,
                variant TEXT,
                outcome TEXT,
                state TEXT NOT NULL,
                PRIMARY KEY (flow_id, profile_id)
              )""",
              "CREATE INDEX flow_state_by_step ON flow_state(flow_id, version, step)",
              "CREATE INDEX flow_state_by_profile ON flow_state(profile_id)",
              """
              CREATE TABLE timers (
                flow_id TEXT NOT NULL,
                profile_id TEXT NOT NULL,
                due_at INTEGER NOT NULL,
                PRIMARY KEY (flow_id, profile_id)
              )""",
              "CREATE INDEX timers_by_due ON timers(due_at)",
              """
              CREATE TABLE outbox (
                id TEXT PRIMARY KEY,
                flow_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                profile_id TEXT NOT NULL,
                step TEXT NOT NULL,
                channel TEXT NOT NULL,
                payload TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at INTEGER NOT NULL,
                last_error TEXT,
                created_at INTEGER NOT NULL,
                sent_at INTEGER
              )""",
              "CREATE INDEX outbox_by_due ON outbox(status, next_attempt_at)",
              """
              CREATE TABLE send_history (
                outbox_id TEXT PRIMARY KEY,
                profile_id TEXT NOT NULL,
                channel TEXT NOT NULL,
                flow_id TEXT NOT NULL,
                sent_at INTEGER NOT NULL
              )""",
              "CREATE INDEX send_history_by_profile ON send_history(profile_id, sent_at)",
              """
              CREATE TABLE suppressions (
                outbox_id TEXT PRIMARY KEY,
                profile_id TEXT NOT NULL,
                flow_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                step TEXT NOT NULL,
                cause TEXT NOT NULL,
                reason TEXT NOT NULL,
                at INTEGER NOT NULL
              )""",
              "CREATE INDEX suppressions_by_flow ON suppressions(flow_id, cause)",
              """
              CREATE TABLE consent (
                profile_id TEXT NOT NULL,
                scope TEXT NOT NULL,
                value TEXT NOT NULL,
                subscribed INTEGER NOT NULL,
                at INTEGER NOT NULL,
                source TEXT NOT NULL,
                PRIMARY KEY (profile_id, scope, value)
              )""",
              """
              CREATE TABLE activity (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                profile_id TEXT NOT NULL,
                at INTEGER NOT NULL,
                flow_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                step TEXT,
                kind TEXT NOT NULL,
                outcome TEXT NOT NULL,
                reason TEXT NOT NULL,
                outbox_id TEXT
              )""",
              "CREATE INDEX activity_by_profile ON activity(profile_id, seq)",
              """
              CREATE TABLE templates (
                name TEXT PRIMARY KEY,
                body TEXT NOT NULL,
                updated_at INTEGER NOT NULL
              )""",
              """
              CREATE TABLE processor (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                position INTEGER NOT NULL
              )""",
              "INSERT INTO processor (id, position) VALUES (1, 0)",
              "CREATE TABLE secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL)"),
          // The per-flow statistics (FlowStore.stats) read the activity by flow.
          List.of("CREATE INDEX activity_by_flow ON activity(flow_id, kind, outcome)"),
          // How far the runtime has read the segments' enter/leave feed (FlowWork), committed with
          // the flow decisions those entries caused.
          List.of(
              """
              CREATE TABLE segment_feed (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                position INTEGER NOT NULL
              )""",
              "INSERT INTO segment_feed (id, position) VALUES (1, 0)"),
          // API triggers (POST /api/flows/{id}/trigger) wait here until the runtime has handled
          // them; a row is deleted in the transaction that carries out its decisions.
          List.of(
              """
              CREATE TABLE api_calls (
                id INTEGER PRIMARY KEY,
                flow_id TEXT NOT NULL,
                profile_id TEXT NOT NULL,
                requested_at INTEGER NOT NULL
              )"""),
          // Schedule triggers (ScheduleTimers): each profile's next firing of each schedule flow,
          // in its own time zone, and how far the sweep that gives every profile its first
          // firing has got; both commit with the decisions a firing caused.
          List.of(
              """
              CREATE TABLE schedule_timers (
                flow_id TEXT NOT NULL,
                profile_id TEXT NOT NULL,
                due_at INTEGER NOT NULL,
                PRIMARY KEY (flow_id, profile_id)
              )""",
              "CREATE INDEX schedule_timers_by_due ON schedule_timers(due_at)",
              """
              CREATE TABLE schedule_seeds (
                flow_id TEXT PRIMARY KEY,
                cron TEXT NOT NULL,
                after TEXT NOT NULL,
                done INTEGER NOT NULL
              )"""),
          // Retention of rendered bodies (Outbox.prune): the outbox rowid up to which every
          // message that ended over messaging.bodyRetention ago has had its body emptied.
          List.of(
              "CREATE TABLE outbox_pruning (id INTEGER PRIMARY KEY CHECK (id = 1),"
                  + " after INTEGER NOT NULL)",
              "INSERT INTO outbox_pruning (id, after) VALUES (1, 0)"),
          // Fewer B-trees written per timer and per send (trailmap-bench/README.md, "Where the time
          // goes"): a timer table is one tree keyed by (flow, profile) beside its due index instead
          // of a rowid table with two indexes, and the send history one tree in the order the caps
          // read it (a profile's sends by time) instead of a rowid table, a unique index and that
          // order as a second index. A send's history row is written only with its outbox row,
          // whose id keeps a replayed decision from counting twice.
          List.of(
              """
              CREATE TABLE timers_rebuilt (
                flow_id TEXT NOT NULL,
                profile_id TEXT NOT NULL,
                due_at INTEGER NOT NULL,
                PRIMARY KEY (flow_id, profile_id)
              ) WITHOUT ROWID""",
              "INSERT INTO timers_rebuilt SELECT flow_id, profile_id, due_at FROM timers",
              "DROP TABLE timers",
              "ALTER TABLE timers_rebuilt RENAME TO timers",
              "CREATE INDEX timers_by_due ON timers(due_at)",
              """
              CREATE TABLE schedule_timers_rebuilt (
                flow_id TEXT NOT NULL,
                profile_id TEXT NOT NULL,
                due_at INTEGER NOT NULL,
                PRIMARY KEY (flow_id, profile_id)
              ) WITHOUT ROWID""",
              "INSERT INTO schedule_timers_rebuilt"
                  + " SELECT flow_id, profile_id, due_at FROM schedule_timers",
              "DROP TABLE schedule_timers",
              "ALTER TABLE schedule_timers_rebuilt RENAME TO schedule_timers",
              "CREATE INDEX schedule_timers_by_due ON schedule_timers(due_at)",
              """
              CREATE TABLE send_history_rebuilt (
                profile_id TEXT NOT NULL,
                sent_at INTEGER NOT NULL,
                outbox_id TEXT NOT NULL,
                channel TEXT NOT NULL,
                flow_id TEXT NOT NULL,
                PRIMARY KEY (profile_id, sent_at, outbox_id)
              ) WITHOUT ROWID""",
              "INSERT INTO send_history_rebuilt"
                  + " SELECT profile_id, sent_at, outbox_id, channel, flow_id FROM send_history",
              "DROP TABLE send_history",
              "ALTER TABLE send_history_rebuilt RENAME TO send_history"),
          // A history of API triggers for dry runs (api_calls rows go once handled): written with
          // each api_calls row, read by flow and time, pruned by time (FlowStore.requestApiCall).
          List.of(
              """
              CREATE TABLE api_call_log (
                id INTEGER PRIMARY KEY,
                flow_id TEXT NOT NULL,
                profile_id TEXT NOT NULL,
                requested_at INTEGER NOT NULL
              )""",
              "CREATE INDEX api_call_log_by_flow ON api_call_log(flow_id, requested_at)",
              "CREATE INDEX api_call_log_by_time ON api_call_log(requested_at)"),
          // Fewer B-trees written per timer and per entry (trailmap-bench/README.md, change 14): a
          // profile's wake-up in a flow is a column of its flow state instead of a row of
          // a table of its own (the engine sets a timer exactly when the state's wake-up time
          // changes), and the state is one tree keyed by (flow, profile) instead of a rowid table
          // with a unique index. The index by step goes too (each step change moved an entry at a
          // random place of it): the statistics read counts per flow, version, step and last
          // outcome that triggers keep, whichever statement changes a state (a run, a migration,
          // an erasure). A timer row without a state row could never fire into anything (the
          // engine ignores a wake-up of a profile outside the flow) and is dropped.
          List.of(
              """
              CREATE TABLE flow_state_rebuilt (
                flow_id TEXT NOT NULL,
                profile_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                step TEXT,
                entered_at INTEGER,
                entries INTEGER NOT NULL,
                variant TEXT,
                outcome TEXT,
                state TEXT NOT NULL,
                due_at INTEGER,
                PRIMARY KEY (flow_id, profile_id)
              ) WITHOUT ROWID""",
              "INSERT INTO flow_state_rebuilt SELECT s.flow_id, s.profile_id, s.version, s.step,"
                  + " s.entered_at, s.entries, s.variant, s.outcome, s.state, t.due_at"
                  + " FROM flow_state s LEFT JOIN timers t"
                  + " ON t.flow_id = s.flow_id AND t.profile_id = s.profile_id",
              "DROP TABLE flow_state",
              "DROP TABLE timers",
              "ALTER TABLE flow_state_rebuilt RENAME TO flow_state",
              "CREATE INDEX flow_state_by_profile ON flow_state(profile_id)",
              "CREATE INDEX flow_state_by_due ON flow_state(due_at) WHERE due_at IS NOT NULL",
              """
              CREATE TABLE flow_counts (
                flow_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                step TEXT NOT NULL,
                outcome TEXT NOT NULL,
                profiles INTEGER NOT NULL,
                PRIMARY KEY (flow_id, version, step, outcome)
              ) WITHOUT ROWID""",
              "INSERT INTO flow_counts SELECT flow_id, version, coalesce(step, ''),"
                  + " coalesce(outcome, ''), count(*) FROM flow_state GROUP BY 1, 2, 3, 4",
              COUNT_TRIGGERS.get(0),
              COUNT_TRIGGERS.get(1),
              COUNT_TRIGGERS.get(2)),
          // Rows that a timer or a step writes lie together (trailmap-bench/README.md, changes 17
          // and 18): each profile gets a number in flows.db when it is first written here, in that
          // order, and its flow states, send history, timeline and outbox rows are keyed by that
          // number instead of by its id (a hash, which put every profile's rows at a random place
          // of each tree) or, for the outbox, by the message's id (a hash too). People who entered
          // flows about the same time wake up about the same time, so a batch of due timers now
          // writes a few neighbouring pages of each tree instead of one page per profile. Existing
          // profiles are numbered in the order of their first timeline line.
          // The id stays beside the number, for the readers that list rows by flow and for the
          // erasure, which deletes by number where a table has one. An erased person's number is
          // never given again (AUTOINCREMENT): no row that a later table keyed by the number alone
          // might keep could pass to someone else.
          List.of(
              """
              CREATE TABLE flow_profiles (
                profile_key INTEGER PRIMARY KEY AUTOINCREMENT,
                profile_id TEXT NOT NULL UNIQUE
              )""",
              "INSERT OR IGNORE INTO flow_profiles (profile_id)"
                  + " SELECT profile_id FROM activity ORDER BY seq",
              "INSERT OR IGNORE INTO flow_profiles (profile_id)"
                  + " SELECT profile_id FROM flow_state ORDER BY entered_at, profile_id",
              "INSERT OR IGNORE INTO flow_profiles (profile_id)"
                  + " SELECT profile_id FROM send_history ORDER BY sent_at, profile_id",
              "INSERT OR IGNORE INTO flow_profiles (profile_id)"
                  + " SELECT profile_id FROM outbox ORDER BY rowid",
              """
              CREATE TABLE flow_state_keyed (
                profile_key INTEGER NOT NULL,
                flow_id TEXT NOT NULL,
                profile_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                step TEXT,
                entered_at INTEGER,
                entries INTEGER NOT NULL,
                variant TEXT,
                outcome TEXT,
                state TEXT NOT NULL,
                due_at INTEGER,
                PRIMARY KEY (profile_key, flow_id)
              ) WITHOUT ROWID""",
              "INSERT INTO flow_state_keyed SELECT p.profile_key, s.flow_id, s.profile_id,"
                  + " s.version, s.step, s.entered_at, s.entries, s.variant, s.outcome, s.state,"
                  + " s.due_at FROM flow_state s JOIN flow_profiles p ON p.profile_id = s.profile_id",
              "DROP TABLE flow_state",
              "ALTER TABLE flow_state_keyed RENAME TO flow_state",
              // With the id: the due timers are read from the index alone (FlowStates.due).
              "CREATE INDEX flow_state_by_due ON flow_state(due_at, profile_id)"
                  + " WHERE due_at IS NOT NULL",
              // A version's migration reads a flow's states (written only when a state is new).
              "CREATE INDEX flow_state_by_flow ON flow_state(flow_id)",
              // The same rows as before: flow_counts stays as it is.
              COUNT_TRIGGERS.get(0),
              COUNT_TRIGGERS.get(1),
              COUNT_TRIGGERS.get(2),
              """
              CREATE TABLE send_history_keyed (
                profile_key INTEGER NOT NULL,
                sent_at INTEGER NOT NULL,
                outbox_id TEXT NOT NULL,
                profile_id TEXT NOT NULL,
                channel TEXT NOT NULL,
                flow_id TEXT NOT NULL,
                PRIMARY KEY (profile_key, sent_at, outbox_id)
              ) WITHOUT ROWID""",
              "INSERT INTO send_history_keyed SELECT p.profile_key, h.sent_at, h.outbox_id,"
                  + " h.profile_id, h.channel, h.flow_id"
                  + " FROM send_history h JOIN flow_profiles p ON p.profile_id = h.profile_id",
              "DROP TABLE send_history",
              "ALTER TABLE send_history_keyed RENAME TO send_history",
              // seq keeps its values, and AUTOINCREMENT its high-water mark: dropping the table
              // deletes its mark, and the copy's own is only the greatest seq left, which is below
              // the lines of a person erased last; the mark moves to the copy, renamed with it.
              """
              CREATE TABLE activity_keyed (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                profile_key INTEGER NOT NULL,
                profile_id TEXT NOT NULL,
                at INTEGER NOT NULL,
                flow_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                step TEXT,
                kind TEXT NOT NULL,
                outcome TEXT NOT NULL,
                reason TEXT NOT NULL,
                outbox_id TEXT
              )""",
              "INSERT INTO activity_keyed SELECT a.seq, p.profile_key, a.profile_id, a.at,"
                  + " a.flow_id, a.version, a.step, a.kind, a.outcome, a.reason, a.outbox_id"
                  + " FROM activity a JOIN flow_profiles p ON p.profile_id = a.profile_id",
              "DELETE FROM sqlite_sequence WHERE name = 'activity_keyed'",
              "INSERT INTO sqlite_sequence (name, seq)"
                  + " SELECT 'activity_keyed', seq FROM sqlite_sequence WHERE name = 'activity'",
              "DROP TABLE activity",
              "ALTER TABLE activity_keyed RENAME TO activity",
              "CREATE INDEX activity_by_profile ON activity(profile_key, seq)",
              "CREATE INDEX activity_by_flow ON activity(flow_id, kind, outcome)",
              // Still in the order messages were queued, now by an AUTOINCREMENT seq: it is the
              // rowid that Outbox.prune's cursor counts, kept through the copy. Before, a message
              // queued after the newest rows were erased could get a rowid behind the cursor and
              // keep its body. The id is unique per profile, and so everywhere: it hashes the
              // profile's id too.
              """
              CREATE TABLE outbox_keyed (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                profile_key INTEGER NOT NULL,
                id TEXT NOT NULL,
                flow_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                profile_id TEXT NOT NULL,
                step TEXT NOT NULL,
                channel TEXT NOT NULL,
                payload TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at INTEGER NOT NULL,
                last_error TEXT,
                created_at INTEGER NOT NULL,
                sent_at INTEGER
              )""",
              "INSERT INTO outbox_keyed (seq, profile_key, id, flow_id, version, profile_id,"
                  + " step, channel, payload, status, attempts, next_attempt_at, last_error,"
                  + " created_at, sent_at) SELECT o.rowid, p.profile_key, o.id, o.flow_id,"
                  + " o.version, o.profile_id, o.step, o.channel, o.payload, o.status, o.attempts,"
                  + " o.next_attempt_at, o.last_error, o.created_at, o.sent_at"
                  + " FROM outbox o JOIN flow_profiles p ON p.profile_id = o.profile_id",
              "DROP TABLE outbox",
              "ALTER TABLE outbox_keyed RENAME TO outbox",
              "CREATE UNIQUE INDEX outbox_by_profile ON outbox(profile_key, id)",
              "CREATE INDEX outbox_by_due ON outbox(status, next_attempt_at)"),
          // The statistics count distinct profiles over a flow's timeline lines (entered, left,
          // converted): with the profile's number in the index they read the index alone instead
          // of a table row per line, 5.8 s -> 0.3 s for the entries of 1M waiting
          // (trailmap-bench/README.md, session 9). The same entries, each a number longer, so a
          // timer writes no more trees than before.
          List.of(
              "DROP INDEX activity_by_flow",
              "CREATE INDEX activity_by_flow ON activity(flow_id, kind, outcome, profile_key)"),
          // Wake-ups due at the same moment (a wait until 09:00, a batch of entries in one
          // millisecond) come in the order of the profiles' numbers instead of their ids (hashes):
          // a batch of them then writes neighbouring rows of every tree keyed by the number, not
          // one page per timer in each (the process's writes per timer at 300k waiting 61 -> 49
          // KB, 1.12x the timers/s at 1M; trailmap-bench/README.md, session 10).
          List.of(
              "DROP INDEX flow_state_by_due",
              "CREATE INDEX flow_state_by_due ON flow_state(due_at, profile_key, profile_id)"
                  + " WHERE due_at IS NOT NULL"),
          // The flow page's messages per step and status are counted as the outbox changes
          // instead of by reading the whole outbox, every row of every flow, for each look at the
          // page: 1.1 s of its 2.5 s at 1M entries (trailmap-bench/README.md, session 13).
          List.of(
              """
              CREATE TABLE outbox_counts (
                flow_id TEXT NOT NULL,
                step TEXT NOT NULL,
                channel TEXT NOT NULL,
                status TEXT NOT NULL,
                messages INTEGER NOT NULL,
                PRIMARY KEY (flow_id, step, channel, status)
              ) WITHOUT ROWID""",
              "INSERT INTO outbox_counts SELECT flow_id, step, channel, status, count(*)"
                  + " FROM outbox GROUP BY 1, 2, 3, 4",
              OUTBOX_COUNT_TRIGGERS.get(0),
              OUTBOX_COUNT_TRIGGERS.get(1),
              OUTBOX_COUNT_TRIGGERS.get(2)),
          // A trigger on the outbox's inserts made each insert keep a statement journal of the
          // pages it changed (16 KB each here), 12 µs of a ~120 µs timer: Outbox.queue counts the
          // message by a statement of its own instead (trailmap-bench/README.md, session 13).
          List.of("DROP TRIGGER outbox_counted"),
          // For the same reason FlowStates.save counts the states it writes in flow_counts, by a
          // statement of its own when a state moves, instead of the triggers on flow_state's
          // inserts and updates (trailmap-bench/README.md, session 14). Erasures, which delete
          // the rows, are still counted by the trigger on deletes.
          List.of("DROP TRIGGER flow_state_counted", "DROP TRIGGER flow_state_recounted"),
          // The statistics read a flow's entry and exit lines alone (FlowStatsQuery), so only
          // those are indexed by flow: the index over every line made each send, suppression and
          // deferral write a tree the statistics never read for them (trailmap-bench/README.md,
          // session 15). Each index names its kind, which the queries name too, so SQLite uses it.
          List.of(
              "DROP INDEX activity_by_flow",
              "CREATE INDEX activity_entered ON activity(flow_id, kind, outcome, profile_key)"
                  + " WHERE kind = 'entered'",
              "CREATE INDEX activity_left ON activity(flow_id, kind, outcome, profile_key)"
                  + " WHERE kind = 'left'"),
          // Every body a template has had, each under a number of its own that never changes: a
          // queued email names the body it was decided with and what its placeholders read, and
          // the sender writes it out from those (TemplateBodies, Templates.fill) instead of the
          // outbox holding every rendered email, ~1.3 KB a message (trailmap-bench/README.md,
          // session 17). Bodies saved before this step start with the one each template has now.
          List.of(
              """
              CREATE TABLE template_bodies (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL,
                body TEXT NOT NULL
              )""",
              "CREATE INDEX template_bodies_by_name ON template_bodies(name, id)",
              "INSERT INTO template_bodies (name, body) SELECT name, body FROM templates"
                  + " ORDER BY name"));
}
