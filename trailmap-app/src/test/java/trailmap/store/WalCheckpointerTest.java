package trailmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints on a thread of their own ({@link Database#checkpointingInBackground}): the commits
 * reach the file without the writer copying them, the WAL starts over beside a writer that never
 * pauses, nothing committed is lost, and an erasure's checkpoint still empties the WAL.
 */
class WalCheckpointerTest {
  private static final List<List<String>> STEPS =
      List.of(List.of("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"));

  @TempDir Path dir;

  @Test
  void commitsReachTheFileWithoutTheWriterCheckpointing() throws Exception {
    Path file = dir.resolve("t.db");
    try (Database db = open(file).checkpointingInBackground(Duration.ofMillis(10), 1_000)) {
      assertThat(query(db, "PRAGMA wal_autocheckpoint")).isZero();
      insert(db, 0, "copied-by-the-checkpointer");
      awaitCaughtUp(db);
      // The page is in the database file itself, not only in the WAL.
      assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
          .contains("copied-by-the-checkpointer");
    }
  }

  /** A row takes one 4 KB page of its own, so every commit appends at least that frame. */
  private static final String ROW = "x".repeat(3_000);

  @Test
  void theWalStartsOverBesideAWriterThatNeverPauses() throws Exception {
    Path file = dir.resolve("busy.db");
    Path wal = dir.resolve("busy.db-wal");
    long commits = 0;
    try (Database db = open(file).checkpointingInBackground(Duration.ofMillis(1), 64)) {
      insertSyncedLater(db, (int) commits++, ROW);
      long restartsBefore = walRestarts(wal);
      // Commits without a pause until three passes finished under the writers' lock (or 30 s).
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (db.checkpointer().restarts() < 3 && System.nanoTime() < deadline) {
        insertSyncedLater(db, (int) commits++, ROW);
      }
      assertThat(db.checkpointer().restarts()).isGreaterThanOrEqualTo(3);
      insertSyncedLater(db, (int) commits++, ROW); // the write that starts over after the last
      assertThat(walRestarts(wal) - restartsBefore).isGreaterThanOrEqualTo(3);
      assertThat(query(db, "SELECT count(*) FROM t")).isEqualTo(commits);
    }
    // Nothing committed is lost: the file holds every row after a close.
    try (Database again = open(file)) {
      assertThat(query(again, "SELECT count(*) FROM t")).isEqualTo(commits);
    }
  }

  @Test
  void withoutACheckpointTheWalNeverStartsOver() throws Exception {
    // The measure the test above relies on, on a WAL that nothing checkpoints.
    Path wal = dir.resolve("none.db-wal");
    try (Database db = open(dir.resolve("none.db"))) {
      db.read(c -> c.createStatement().execute("PRAGMA wal_autocheckpoint = 0"));
      insertSyncedLater(db, 0, ROW);
      long before = walRestarts(wal);
      for (int i = 1; i < 500; i++) {
        insertSyncedLater(db, i, ROW);
      }
      assertThat(walRestarts(wal)).isEqualTo(before);
      assertThat(Files.size(wal)).isGreaterThan(500L * 4096);
    }
  }

  private static void insertSyncedLater(Database db, int id, String value) {
    db.transactionSyncedLater(row(id, value));
  }

  @Test
  void theWalIndexSaysHowManyFramesTheWalHolds() throws Exception {
    try (Database db =
        open(dir.resolve("t.db")).checkpointingInBackground(Duration.ofHours(1), 1_000_000)) {
      for (int i = 0; i < 50; i++) {
        insert(db, i, ROW);
      }
      int frames = db.checkpointer().walFrames();
      // SQLite's own count.
      long log = passiveCheckpoint(db)[0];
      assertThat(frames).isGreaterThanOrEqualTo(50).isEqualTo((int) log);
    }
  }

  @Test
  void anErasuresCheckpointStillEmptiesTheWal() throws Exception {
    Path file = dir.resolve("t.db");
    try (Database db = open(file).checkpointingInBackground(Duration.ofMillis(1), 1_000)) {
      for (int i = 0; i < 200; i++) {
        insert(db, i, "erase-me");
      }
      db.read(c -> c.createStatement().executeUpdate("UPDATE t SET v = 'gone'"));
      db.checkpointTruncate();
      assertThat(Files.size(dir.resolve("t.db-wal"))).isZero();
      assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
          .doesNotContain("erase-me");
    }
  }

  @Test
  void aCheckpointBesideTheWritersCopiesTheWalBackBeforeOneTheyWaitFor() throws Exception {
    Path file = dir.resolve("t.db");
    // A pace at which no pass of its own runs during the test.
    try (Database db =
        open(file).checkpointingInBackground(Duration.ofHours(1), Integer.MAX_VALUE)) {
      for (int i = 0; i < 200; i++) {
        insert(db, i, "beside-me");
      }
      assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
          .as("the rows are in the WAL alone")
          .doesNotContain("beside-me");
      assertThat(db.checkpointBeside()).isZero();
      assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
          .contains("beside-me");
      // Nothing left for a checkpoint after it: the WAL's frames are all copied back.
      long[] log = passiveCheckpoint(db);
      assertThat(log[0]).isGreaterThanOrEqualTo(200).isEqualTo(log[1]);
      assertThatThrownBy(
              () ->
                  db.transaction(
                      c -> {
                        db.checkpointBeside();
                        return null;
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("outside");
    }
    try (Database plain = open(dir.resolve("plain.db"))) {
      assertThat(plain.checkpointBeside()).as("no background checkpointer: nothing to do").isZero();
    }
  }

  @Test
  void anErasuresCheckpointInsideATransactionIsRefused() {
    try (Database db = open(dir.resolve("t.db")).checkpointingInBackground()) {
      assertThatThrownBy(
              () ->
                  db.transaction(
                      c -> {
                        db.checkpointTruncate();
                        return null;
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("after the commit");
      assertThatThrownBy(db::checkpointingInBackground)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already");
    }
  }

  /** The test's table in {@code file}, syncing its commits as flows.db does. */
  private static Database open(Path file) {
    return Database.open(file, STEPS, Database.Synchronous.FULL);
  }

  private static void insert(Database db, int id, String value) {
    db.transaction(row(id, value));
  }

  /** Inserts one row. */
  private static Database.Work<Void> row(int id, String value) {
    return c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        s.setInt(1, id);
        s.setString(2, value);
        s.executeUpdate();
      }
      return null;
    };
  }

  /**
   * A passive checkpoint on the writer's connection: what it answers after "busy", the frames in
   * the WAL and how many of them are copied back.
   */
  private static long[] passiveCheckpoint(Database db) {
    return db.read(
        c -> {
          try (Statement statement = c.createStatement();
              var rows = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rows.next();
            return new long[] {rows.getLong(2), rows.getLong(3)};
          }
        });
  }

  /** The first column of the first row {@code sql} answers. */
  private static long query(Database db, String sql) {
    Long value =
        db.read(
            c -> {
              try (Statement statement = c.createStatement();
                  var rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
              }
            });
    return value;
  }

  private static void awaitCaughtUp(Database db) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!db.checkpointer().caughtUp() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(db.checkpointer().caughtUp()).as("a pass since the last commit").isTrue();
  }

  /**
   * The WAL header's checkpoint sequence number (bytes 12 to 15, big-endian): SQLite adds one each
   * time the WAL starts over from its beginning.
   */
  private static long walRestarts(Path wal) throws Exception {
    byte[] head = Files.readAllBytes(wal);
    return java.nio.ByteBuffer.wrap(head, 12, 4).getInt() & 0xFFFFFFFFL;
  }
}
