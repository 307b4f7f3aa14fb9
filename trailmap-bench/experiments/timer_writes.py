#!/usr/bin/env python3
"""What the rows one fired timer writes cost in SQLite, and what each part and alternative costs.

An exploration beside FlowRuntimeBenchmark's "storage floor" line (which runs the runtime's own
statements from Java): the same tables and indexes as flows.db (16 KB pages, WAL, synchronous
NORMAL, secure_delete), N profiles waiting in 20 flows, then T wake-ups fired 500 to a
transaction by writing what the welcome flow's tips email writes: the state update, two count
moves, two timeline lines, the message and its count, the send history row. Each variant leaves a
part out or writes it another way; "journal" writes one blob per batch instead (the lower bound of
an append-only design). CPU per timer, from Python's sqlite3 (the system's SQLite): compare
variants run side by side, not with the Java figures.

  N=300000 T=100000 python3 trailmap-bench/experiments/timer_writes.py base nocounts base nocounts

Variants (comma-join to combine): base, nostate, nocounts, noact (no timeline lines), nooutbox (no
message nor its count), nohist, partial (timeline indexed by flow for entry/exit lines only),
bulk (the batch's timeline lines and history rows by multi-row INSERTs, 50 rows each), noauto
(the timeline's seq without AUTOINCREMENT), clustered (the timeline as one tree by profile_key and
seq, a WITHOUT ROWID table with the seq given by the writer, no index by profile beside it),
sendbatch (docs/design/flows-journal.md's stage 2: the send line into one row per batch with an
index row per profile, the exit line still a row; with noindex, no index row), allbatch (both
lines into that row, the exit line also into a table by flow for the statistics, no index by
profile), journal.
Session 15's and 16's figures are in trailmap-bench/README.md.
"""
import itertools, json, os, random, sqlite3, sys, tempfile, time

N = int(os.environ.get("N", "300000"))
T = int(os.environ.get("T", "100000"))
FLOWS = 20
BATCH = int(os.environ.get("BATCH", "500"))
STATE = json.dumps({"version": 1, "entries": 1, "lastEnteredAt": "2026-03-02T09:33:20.980Z",
                    "run": {"entry": 1, "enteredAt": "2026-03-02T09:33:20.980Z", "step": "wait",
                            "stepEnteredAt": "2026-03-02T09:33:20.980Z", "heldOut": False,
                            "wakeAt": "2026-03-04T09:33:20.980Z", "variants": {},
                            "visits": {"welcome-email": 1, "wait": 1}}})
PAYLOAD = "x" * 1342  # the welcome flow's rendered email, as the outbox holds it
LINE = ("sent on email (topic onboarding)", "014c1b160aa26754c3039c1603e00192")


def schema(v):
    flow_index = ("CREATE INDEX activity_entered ON activity(flow_id, kind, outcome, profile_key)"
                  " WHERE kind = 'entered';"
                  "CREATE INDEX activity_left ON activity(flow_id, kind, outcome, profile_key)"
                  " WHERE kind = 'left'" if "partial" in v else
                  "CREATE INDEX activity_by_flow ON activity(flow_id, kind, outcome, profile_key)")
    activity_seq = "" if "noauto" in v else "AUTOINCREMENT"
    # "noobprofile" / "noobdue": the outbox without its index by profile / by due time.
    outbox_indexes = ";".join(
        ([] if "noobprofile" in v else ["CREATE UNIQUE INDEX outbox_by_profile ON outbox(profile_key, id)"])
        + ([] if "noobdue" in v else ["CREATE INDEX outbox_by_due ON outbox(status, next_attempt_at)"])) or "SELECT 1"
    # "clustered": the lines in one tree by (profile_key, seq), seq given by the writer, instead of
    # a rowid table and an index by profile beside it.
    activity = ("""CREATE TABLE activity (profile_key INTEGER NOT NULL, seq INTEGER NOT NULL,
      profile_id TEXT NOT NULL, at INTEGER NOT NULL, flow_id TEXT NOT NULL,
      version INTEGER NOT NULL, step TEXT, kind TEXT NOT NULL, outcome TEXT NOT NULL,
      reason TEXT NOT NULL, outbox_id TEXT, PRIMARY KEY (profile_key, seq)) WITHOUT ROWID"""
                if "clustered" in v else
                f"""CREATE TABLE activity (seq INTEGER PRIMARY KEY {activity_seq},
      profile_key INTEGER NOT NULL, profile_id TEXT NOT NULL, at INTEGER NOT NULL,
      flow_id TEXT NOT NULL, version INTEGER NOT NULL, step TEXT, kind TEXT NOT NULL,
      outcome TEXT NOT NULL, reason TEXT NOT NULL, outbox_id TEXT);
    CREATE INDEX activity_by_profile ON activity(profile_key, seq)""")
    return f"""
    CREATE TABLE flow_state (profile_key INTEGER NOT NULL, flow_id TEXT NOT NULL,
      profile_id TEXT NOT NULL, version INTEGER NOT NULL, step TEXT, entered_at INTEGER,
      entries INTEGER NOT NULL, variant TEXT, outcome TEXT, state TEXT NOT NULL, due_at INTEGER,
      PRIMARY KEY (profile_key, flow_id)) WITHOUT ROWID;
    CREATE INDEX flow_state_by_flow ON flow_state(flow_id);
    CREATE INDEX flow_state_by_due ON flow_state(due_at, profile_key, profile_id)
      WHERE due_at IS NOT NULL;
    CREATE TABLE flow_counts (flow_id TEXT NOT NULL, version INTEGER NOT NULL, step TEXT NOT NULL,
      outcome TEXT NOT NULL, profiles INTEGER NOT NULL,
      PRIMARY KEY (flow_id, version, step, outcome)) WITHOUT ROWID;
    {activity};
    {flow_index};
    CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, profile_key INTEGER NOT NULL,
      id TEXT NOT NULL, flow_id TEXT NOT NULL, version INTEGER NOT NULL, profile_id TEXT NOT NULL,
      step TEXT NOT NULL, channel TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL,
      attempts INTEGER NOT NULL, next_attempt_at INTEGER NOT NULL, last_error TEXT,
      created_at INTEGER NOT NULL, sent_at INTEGER);
    {outbox_indexes};
    CREATE TABLE outbox_counts (flow_id TEXT NOT NULL, step TEXT NOT NULL, channel TEXT NOT NULL,
      status TEXT NOT NULL, messages INTEGER NOT NULL,
      PRIMARY KEY (flow_id, step, channel, status)) WITHOUT ROWID;
    CREATE TABLE send_history (profile_key INTEGER NOT NULL, sent_at INTEGER NOT NULL,
      outbox_id TEXT NOT NULL, profile_id TEXT NOT NULL, channel TEXT NOT NULL,
      flow_id TEXT NOT NULL, PRIMARY KEY (profile_key, sent_at, outbox_id)) WITHOUT ROWID;
    CREATE TABLE journal (id INTEGER PRIMARY KEY, body BLOB NOT NULL);
    CREATE TABLE activity_journal (seq INTEGER PRIMARY KEY, body BLOB NOT NULL);
    CREATE TABLE activity_ended (flow_id TEXT NOT NULL, kind TEXT NOT NULL, outcome TEXT NOT NULL,
      profile_key INTEGER NOT NULL, PRIMARY KEY (flow_id, kind, outcome, profile_key))
      WITHOUT ROWID;
    CREATE TABLE activity_journal_by_profile (profile_key INTEGER NOT NULL, seq INTEGER NOT NULL,
      PRIMARY KEY (profile_key, seq)) WITHOUT ROWID;
    """


SEQ = itertools.count(1)
JOURNAL_SEQ = [0]  # the round's row in activity_journal ("sendbatch")


def line(c, key, pid, flow, step, kind):
    # With a rowid table seq comes from SQLite; the clustered table takes the writer's.
    c.execute("INSERT INTO activity (profile_key, profile_id, at, flow_id, version, step, kind,"
              " outcome, reason, outbox_id, seq)"
              " VALUES (?, ?, 1772444000980, ?, 1, ?, ?, 'queued', ?, ?, ?)",
              (key, pid, flow, step, kind) + LINE + (next(SEQ),))


def message(c, key, pid, flow, step, status, v=""):
    oid = "%032x" % random.getrandbits(128)
    payload = "" if "nopayload" in v else PAYLOAD
    c.execute("INSERT INTO outbox (profile_key, id, flow_id, version, profile_id, step, channel,"
              " payload, status, attempts, next_attempt_at, created_at)"
              " VALUES (?, ?, ?, 1, ?, ?, 'email', ?, ?, 0, 0, 0)",
              (key, oid, flow, pid, step, payload, status))
    return oid


def fill(c):
    """N profiles that entered, got the welcome email and wait, as the benchmark's seeding leaves them."""
    c.execute("BEGIN")
    for key in range(1, N + 1):
        flow, pid = "welcome-%d" % (key % FLOWS), "p_%020x" % random.getrandbits(80)
        c.execute("INSERT INTO flow_state VALUES (?, ?, ?, 1, 'wait', 1772444000980, 1, NULL, NULL,"
                  " ?, ?)", (key, flow, pid, STATE, 1772444000980 + 172800000 + key))
        line(c, key, pid, flow, None, "entered")
        line(c, key, pid, flow, "welcome-email", "send")
        oid = message(c, key, pid, flow, "welcome-email", "sent")
        c.execute("INSERT INTO send_history VALUES (?, 1772444000980, ?, ?, 'email', ?)",
                  (key, oid, pid, flow))
    for i in range(FLOWS):
        c.execute("INSERT INTO flow_counts VALUES (?, 1, 'wait', '', ?)", ("welcome-%d" % i, N // FLOWS))
        c.execute("INSERT INTO flow_counts VALUES (?, 1, '', 'COMPLETED', 0)", ("welcome-%d" % i,))
        c.execute("INSERT INTO outbox_counts VALUES (?, 'tips-email', 'email', 'pending', 0)",
                  ("welcome-%d" % i,))
    c.execute("COMMIT")
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def bulk(c, lines, history):
    """The batch's timeline lines and history rows, 50 to a multi-row INSERT (variant "bulk")."""
    for at in range(0, len(lines), 50):
        rows = lines[at:at + 50]
        c.execute("INSERT INTO activity (profile_key, profile_id, at, flow_id, version, step, kind,"
                  " outcome, reason, outbox_id) VALUES "
                  + ", ".join(["(?, ?, 1772444000980, ?, 1, ?, ?, 'queued', ?, ?)"] * len(rows)),
                  [x for r in rows for x in r + LINE])
    for at in range(0, len(history), 50):
        rows = history[at:at + 50]
        c.execute("INSERT INTO send_history VALUES "
                  + ", ".join(["(?, 1772617000980, ?, ?, 'email', ?)"] * len(rows)),
                  [x for r in rows for x in r])


def fire(c, v, key, flow, pid, lines=None, history=None):
    if "nostate" not in v:
        c.execute("UPDATE flow_state SET step = NULL, outcome = 'COMPLETED', state = ?,"
                  " due_at = NULL WHERE profile_key = ? AND flow_id = ?", (STATE, key, flow))
    if "nocounts" not in v:
        c.execute("UPDATE flow_counts SET profiles = profiles - 1 WHERE flow_id = ? AND version = 1"
                  " AND step = 'wait' AND outcome = ''", (flow,))
        c.execute("UPDATE flow_counts SET profiles = profiles + 1 WHERE flow_id = ? AND version = 1"
                  " AND step = '' AND outcome = 'COMPLETED'", (flow,))
    if "bulk" in v:
        lines.append((key, pid, flow, "tips-email", "send"))
        lines.append((key, pid, flow, None, "left"))
    elif "allbatch" in v:  # both lines into the round's row; the exit also by flow, for statistics
        lines.append((key, pid, flow, "tips-email", "send"))
        lines.append((key, pid, flow, None, "left"))
        c.execute("INSERT INTO activity_ended VALUES (?, 'left', 'completed', ?)", (flow, key))
    elif "sendbatch" in v:  # the send line into the round's journal row, the exit line a row
        lines.append((key, pid, flow, "tips-email", "send"))
        if "noindex" not in v:  # else the index is the writer's to keep in memory
            c.execute("INSERT INTO activity_journal_by_profile VALUES (?, ?)",
                      (key, JOURNAL_SEQ[0]))
        line(c, key, pid, flow, None, "left")
    elif "noact" not in v:
        line(c, key, pid, flow, "tips-email", "send")
        line(c, key, pid, flow, None, "left")
    if "nooutbox" not in v:
        oid = message(c, key, pid, flow, "tips-email", "pending", v)
        if "noobcount" not in v:
            c.execute("UPDATE outbox_counts SET messages = messages + 1 WHERE flow_id = ?"
                  " AND step = 'tips-email' AND channel = 'email' AND status = 'pending'",
                      (flow,))
    else:
        oid = "%032x" % random.getrandbits(128)
    if "bulk" in v:
        history.append((key, oid, pid, flow))
    elif "nohist" not in v:
        c.execute("INSERT INTO send_history VALUES (?, 1772617000980, ?, ?, 'email', ?)",
                  (key, oid, pid, flow))


def run(v):
    with tempfile.TemporaryDirectory(dir=os.environ.get("DIR")) as d:
        path = os.path.join(d, "flows.db")
        c = sqlite3.connect(path, isolation_level=None)
        for pragma in ("page_size = 16384", "journal_mode = WAL", "synchronous = NORMAL",
                       "cache_size = -65536", "mmap_size = 1073741824", "secure_delete = ON"):
            c.execute("PRAGMA " + pragma)
        c.executescript(schema(v))
        fill(c)
        due = c.execute("SELECT profile_key, flow_id, profile_id FROM flow_state"
                        " WHERE due_at IS NOT NULL ORDER BY due_at LIMIT ?", (T,)).fetchall()
        cpu = time.process_time()
        for at in range(0, len(due), BATCH):
            c.execute("BEGIN")
            if "journal" in v:  # one row per batch: each timer's state, message and lines in it
                c.execute("INSERT INTO journal (body) VALUES (?)",
                          ("".join(STATE + PAYLOAD + "line" * 40 for _ in due[at:at + BATCH]),))
            else:
                lines, history = [], []
                JOURNAL_SEQ[0] += 1
                for key, flow, pid in due[at:at + BATCH]:
                    fire(c, v, key, flow, pid, lines, history)
                if "sendbatch" in v or "allbatch" in v:
                    c.execute("INSERT INTO activity_journal VALUES (?, ?)", (JOURNAL_SEQ[0], json.dumps(
                        [list(l) + list(LINE) for l in lines])))
                else:
                    bulk(c, lines, history)
            c.execute("COMMIT")
        cpu = time.process_time() - cpu
        wal = os.path.getsize(path + "-wal") >> 20
        c.close()
    print("%-28s %6.1f us CPU per timer (%d timers at %d waiting; WAL %d MiB)"
          % (v, cpu / len(due) * 1e6, len(due), N, wal), flush=True)


if __name__ == "__main__":
    for variant in sys.argv[1:] or ["base"]:
        run(variant)
