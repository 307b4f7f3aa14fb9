package trailmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint an erasure ends with: it empties the WAL, and when SQLite could not (a reader of
 * another connection held an older snapshot past the busy timeout) it says so instead of returning
 * as if the deleted values had left the files.
 */
class CheckpointTruncateTest {
  private static final List<List<String>> STEPS = List.of(List.of("CREATE TABLE t (v TEXT)"));

  @TempDir Path dir;

  @Test
  void emptiesTheWalSoNoImageOfADeletedValueIsLeft() throws Exception {
    Path file = dir.resolve("t.db");
    try (Database db = Database.open(file, STEPS, Database.Synchronous.FULL)) {
      execute(db, "INSERT INTO t VALUES ('erase-me')");
      execute(db, "DELETE FROM t");
      db.checkpointTruncate();
      assertThat(Files.size(dir.resolve("t.db-wal"))).isZero();
      assertThat(text(file)).doesNotContain("erase-me");
    }
  }

  @Test
  void aCheckpointAReaderHeldBackIsAnErrorNotASilentSuccess() throws Exception {
    Path file = dir.resolve("t.db");
    try (Database db = Database.open(file, STEPS, Database.Synchronous.FULL);
        Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      execute(db, "INSERT INTO t VALUES ('before')");
      reader.setAutoCommit(false);
      try (Statement s = reader.createStatement();
          var rows = s.executeQuery("SELECT count(*) FROM t")) {
        assertThat(rows.next()).isTrue(); // the reader's snapshot: the first commit only
      }
      execute(db, "INSERT INTO t VALUES ('after')");

      assertThatThrownBy(db::checkpointTruncate)
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("could not be emptied")
          .hasMessageContaining("retry");

      reader.commit();
      db.checkpointTruncate();
      assertThat(Files.size(dir.resolve("t.db-wal"))).isZero();
    }
  }

  private static void execute(Database db, String sql) {
    db.transaction(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(sql);
          }
          return null;
        });
  }

  private static String text(Path file) throws Exception {
    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
  }
}
