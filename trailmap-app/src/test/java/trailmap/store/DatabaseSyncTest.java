package trailmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Database#transactionSyncedLater} and {@link Database#sync}: commits that wait for no fsync
 * are still commits (seen by others, kept across a crash of the process), and the connection goes
 * back to its own level after each.
 */
class DatabaseSyncTest {
  private static final List<List<String>> SCHEMA =
      List.of(List.of("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"));

  @TempDir Path dir;

  @Test
  void aCommitSyncedLaterIsCountedUntilSyncAndLeavesTheConnectionAtFull() {
    try (Database db = Database.open(dir.resolve("a.db"), SCHEMA, Database.Synchronous.FULL)) {
      assertThat(db.sync()).as("nothing to sync yet").isFalse();
      db.transactionSyncedLater(c -> insert(c, 1, "first"));
      db.transactionSyncedLater(c -> insert(c, 2, "second"));

      assertThat(db.unsynced()).isEqualTo(2);
      assertThat(synchronous(db)).as("FULL again for every other commit").isEqualTo(2);
      assertThat(count(db)).isEqualTo(2);

      assertThat(db.sync()).isTrue();
      assertThat(db.unsynced()).isZero();
      assertThat(db.sync()).as("one fsync covers every commit before it").isFalse();
    }
  }

  @Test
  void aFailedTransactionCommitsNothingAndLeavesTheConnectionAtFull() {
    try (Database db = Database.open(dir.resolve("b.db"), SCHEMA, Database.Synchronous.FULL)) {
      assertThatThrownBy(
              () ->
                  db.transactionSyncedLater(
                      c -> {
                        insert(c, 1, "rolled back");
                        throw new IllegalStateException("boom");
                      }))
          .hasMessage("boom");

      assertThat(count(db)).isZero();
      assertThat(synchronous(db)).isEqualTo(2);
      assertThat(db.unsynced()).as("counted anyway: one too many costs only an fsync").isEqualTo(1);
      assertThat(db.sync()).isTrue();
    }
  }

  /** The driver commits when auto-commit is switched back on: an Error must roll back first. */
  @Test
  void aTransactionFailingWithAnErrorCommitsNothing() {
    try (Database db = Database.open(dir.resolve("g.db"), SCHEMA, Database.Synchronous.FULL)) {
      assertThatThrownBy(
              () ->
                  db.transaction(
                      c -> {
                        insert(c, 1, "half done");
                        throw new StackOverflowError("deep");
                      }))
          .isInstanceOf(StackOverflowError.class);
      assertThat(count(db)).isZero();
    }
  }

  @Test
  void aDatabaseThatNeverSyncsHasNothingToSync() {
    try (Database db = Database.open(dir.resolve("c.db"), SCHEMA, Database.Synchronous.OFF)) {
      db.transactionSyncedLater(c -> insert(c, 1, "x"));
      assertThat(db.unsynced()).isZero();
      assertThat(synchronous(db)).isZero();
    }
  }

  /** SQLite follows a linked file and keeps the WAL beside the real one: that is the one synced. */
  @Test
  void aLinkedDatabaseFileSyncsTheWalBesideTheRealFile() throws Exception {
    Path real = Files.createDirectories(dir.resolve("volume")).resolve("e.db");
    Path link = Files.createDirectories(dir.resolve("data")).resolve("e.db");
    try (Database db = Database.open(real, SCHEMA, Database.Synchronous.FULL)) {
      assertThat(count(db)).isZero();
    }
    Files.createSymbolicLink(link, real);
    try (Database db = Database.open(link, SCHEMA, Database.Synchronous.FULL)) {
      db.transactionSyncedLater(c -> insert(c, 1, "x"));
      assertThat(Files.exists(dir.resolve("volume/e.db-wal"))).isTrue();
      assertThat(Files.exists(dir.resolve("data/e.db-wal"))).isFalse();

      assertThat(db.sync()).isTrue(); // fails when it looks for the WAL beside the link
      assertThat(db.unsynced()).isZero();
    }
  }

  /** A sync that cannot find the commits' WAL must not call them synced. */
  @Test
  void aWalThatIsNotThereFailsTheSyncAndKeepsTheCommitsUnsynced() throws Exception {
    try (Database db = Database.open(dir.resolve("f.db"), SCHEMA, Database.Synchronous.FULL)) {
      db.transactionSyncedLater(c -> insert(c, 1, "x"));
      Files.delete(dir.resolve("f.db-wal")); // as if the commits were somewhere else

      assertThatThrownBy(db::sync)
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("f.db-wal");
      assertThat(db.unsynced()).isEqualTo(1);
    }
  }

  /**
   * The promise the flow thread relies on: a process that dies right after such a commit (no close,
   * no checkpoint, no fsync) leaves it in the file for the next open.
   */
  @Test
  void aCommitSyncedLaterSurvivesTheProcessDyingWithoutClosing() throws Exception {
    Path file = dir.resolve("d.db");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CommitAndHalt.class.getName(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(child.getInputStream().readAllBytes());
    assertThat(child.exitValue()).as(output).isEqualTo(CommitAndHalt.HALTED);
    assertThat(Files.exists(dir.resolve("d.db-wal"))).as("left behind by the halt").isTrue();

    try (Database db = Database.open(file, SCHEMA, Database.Synchronous.FULL)) {
      assertThat(count(db)).isEqualTo(CommitAndHalt.ROWS);
    }
  }

  /** Commits rows with {@link Database#transactionSyncedLater}, then halts the JVM at once. */
  static final class CommitAndHalt {
    static final int ROWS = 100;
    static final int HALTED = 42;

    public static void main(String[] args) {
      Database db = Database.open(Path.of(args[0]), SCHEMA, Database.Synchronous.FULL);
      for (int i = 0; i < ROWS; i++) {
        int id = i;
        db.transactionSyncedLater(c -> insert(c, id, "row " + id));
      }
      Runtime.getRuntime().halt(HALTED); // no close, no shutdown hooks: as kill -9 leaves it
    }
  }

  private static int insert(java.sql.Connection c, int id, String text)
      throws java.sql.SQLException {
    try (var s = c.prepareStatement("INSERT INTO notes (id, text) VALUES (?, ?)")) {
      s.setInt(1, id);
      s.setString(2, text);
      return s.executeUpdate();
    }
  }

  private static int count(Database db) {
    return db.read(
        c -> {
          try (Statement s = c.createStatement();
              var rows = s.executeQuery("SELECT count(*) FROM notes")) {
            rows.next();
            return rows.getInt(1);
          }
        });
  }

  private static int synchronous(Database db) {
    return db.read(
        c -> {
          try (Statement s = c.createStatement();
              var rows = s.executeQuery("PRAGMA synchronous")) {
            rows.next();
            return rows.getInt(1);
          }
        });
  }
}
