package trailmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page size given to {@link Database#open(Path, List, Database.Synchronous, int)}. */
class DatabasePageSizeTest {
  static final List<List<String>> STEPS = List.of(List.of("CREATE TABLE t (v TEXT NOT NULL)"));

  @TempDir Path dir;

  static long pragma(Database db, String name) {
    return db.read(
        c -> {
          try (Statement s = c.createStatement();
              var rows = s.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  @Test
  void aNewFileTakesThePageSize() {
    try (Database db =
        Database.open(dir.resolve("new.db"), STEPS, Database.Synchronous.FULL, 16_384)) {
      assertThat(pragma(db, "page_size")).isEqualTo(16_384);
      assertThat(db.journalMode()).isEqualTo("wal");
    }
  }

  @Test
  void anExistingFileKeepsItsPageSizeAndItsRows() {
    Path file = dir.resolve("old.db");
    try (Database db = Database.open(file, STEPS, Database.Synchronous.FULL)) {
      db.read(
          c -> {
            try (Statement s = c.createStatement()) {
              return s.executeUpdate("INSERT INTO t VALUES ('kept')");
            }
          });
      assertThat(pragma(db, "page_size")).isEqualTo(Database.DEFAULT_PAGE_BYTES);
    }
    try (Database db = Database.open(file, STEPS, Database.Synchronous.FULL, 16_384)) {
      assertThat(pragma(db, "page_size")).isEqualTo(Database.DEFAULT_PAGE_BYTES);
      assertThat(pragma(db, "user_version")).isEqualTo(1);
      long rows =
          db.read(
              c -> {
                try (Statement s = c.createStatement();
                    var r = s.executeQuery("SELECT count(*) FROM t WHERE v = 'kept'")) {
                  r.next();
                  return r.getLong(1);
                }
              });
      assertThat(rows).isEqualTo(1);
    }
  }

  @Test
  void aPageSizeSqliteCannotUseIsRefusedBeforeTheFileIsMade() {
    for (int bad : new int[] {0, 1000, 256, 131_072}) {
      assertThatThrownBy(
              () -> Database.open(dir.resolve("bad.db"), STEPS, Database.Synchronous.FULL, bad))
          .as("%d", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("power of two from 512 to 65536, was " + bad);
    }
    assertThat(dir.resolve("bad.db")).doesNotExist();
  }
}
