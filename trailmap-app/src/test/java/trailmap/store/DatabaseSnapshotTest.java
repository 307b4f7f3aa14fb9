package trailmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Database#snapshot}: reads on a second connection that neither wait for the writer's
 * connection nor hold it up, each seeing one moment of the file.
 */
@Timeout(30)
class DatabaseSnapshotTest {
  private static final List<List<String>> STEPS = List.of(List.of("CREATE TABLE t (v TEXT)"));

  @TempDir Path dir;

  @Test
  void aReadDoesNotWaitForAnOpenTransactionAndSeesOnlyWhatWasCommitted() throws Exception {
    try (Database db = Database.open(dir.resolve("t.db"), STEPS, Database.Synchronous.FULL)) {
      db.transaction(c -> update(c, "INSERT INTO t VALUES ('committed')"));
      CountDownLatch written = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      // Another thread holds the writer's connection, with a row written and not committed.
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () ->
                  db.transaction(
                      c -> {
                        update(c, "INSERT INTO t VALUES ('uncommitted')");
                        written.countDown();
                        await(release);
                        return null;
                      }));
      assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

      // db.read would wait here until the writer is done; the snapshot answers at once.
      assertThat(db.snapshot(DatabaseSnapshotTest::values)).containsExactly("committed");

      release.countDown();
      writer.get(10, TimeUnit.SECONDS);
      assertThat(db.snapshot(DatabaseSnapshotTest::values))
          .containsExactly("committed", "uncommitted");
    }
  }

  @Test
  void aLongReadSeesOneMomentWhileTheWriterCommitsBesideIt() throws Exception {
    try (Database db = Database.open(dir.resolve("t.db"), STEPS, Database.Synchronous.FULL)) {
      db.transaction(c -> update(c, "INSERT INTO t VALUES ('a')"));
      List<List<String>> seen =
          db.snapshot(
              c -> {
                List<String> first = values(c);
                // The writer is not held up by the read in progress...
                join(
                    CompletableFuture.runAsync(
                        () -> db.transaction(w -> update(w, "INSERT INTO t VALUES ('b')"))));
                // ...and the read goes on seeing the file as it was when it started.
                return List.of(first, values(c));
              });
      assertThat(seen).containsExactly(List.of("a"), List.of("a"));
      assertThat(db.snapshot(DatabaseSnapshotTest::values)).containsExactly("a", "b");
      assertThat(db.read(DatabaseSnapshotTest::values)).containsExactly("a", "b");
    }
  }

  @Test
  void aWriteThroughTheReaderFailsAndChangesNothing() {
    try (Database db = Database.open(dir.resolve("t.db"), STEPS, Database.Synchronous.FULL)) {
      db.transaction(c -> update(c, "INSERT INTO t VALUES ('kept')"));

      assertThatThrownBy(() -> db.snapshot(c -> update(c, "DELETE FROM t")))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("t.db");

      assertThat(db.read(DatabaseSnapshotTest::values)).containsExactly("kept");
      // The reader is still usable after the failed statement.
      assertThat(db.snapshot(DatabaseSnapshotTest::values)).containsExactly("kept");
    }
  }

  @Test
  void readsLeaveNoSnapshotThatHoldsBackTheErasuresCheckpoint() throws Exception {
    Path file = dir.resolve("t.db");
    try (Database db = Database.open(file, STEPS, Database.Synchronous.FULL)) {
      db.transaction(c -> update(c, "INSERT INTO t VALUES ('erase-me')"));
      assertThat(db.snapshot(DatabaseSnapshotTest::values)).containsExactly("erase-me");
      db.transaction(c -> update(c, "DELETE FROM t"));

      db.checkpointTruncate(); // would fail if the reader still held its read transaction

      assertThat(Files.size(dir.resolve("t.db-wal"))).isZero();
      assertThat(db.snapshot(DatabaseSnapshotTest::values)).isEmpty();
    }
  }

  @Test
  void aClosedDatabaseRefusesSnapshotReads() {
    Database db = Database.open(dir.resolve("t.db"), STEPS, Database.Synchronous.FULL);
    assertThat(db.snapshot(DatabaseSnapshotTest::values)).isEmpty();
    db.close();

    assertThatThrownBy(() -> db.snapshot(DatabaseSnapshotTest::values))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("is closed");
  }

  private static List<String> values(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        var rows = s.executeQuery("SELECT v FROM t ORDER BY rowid")) {
      List<String> out = new java.util.ArrayList<>();
      while (rows.next()) {
        out.add(rows.getString(1));
      }
      return out;
    }
  }

  private static Integer update(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  private static void join(CompletableFuture<Void> done) {
    try {
      done.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the writer did not commit beside the read", e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the writer");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
