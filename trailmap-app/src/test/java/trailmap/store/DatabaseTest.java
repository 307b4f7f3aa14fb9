package trailmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path dir;

  @Test
  void createsTheDatabaseInWalModeAtTheLatestSchema() {
    try (Database db = Database.open(dir.resolve("data"))) {
      assertThat(db.file()).isEqualTo(dir.resolve("data/trailmap.db").toAbsolutePath());
      assertThat(Files.exists(db.file())).isTrue();
      assertThat(db.journalMode()).isEqualTo("wal");
      assertThat(db.schemaVersion()).isEqualTo(Migrations.latestVersion());
      assertThat(db.answers()).isTrue();
    }
  }

  @Test
  void keepsSqlitesTemporaryDataInMemory() {
    // 2 = MEMORY: statement journals (and sorts' temporary trees) never spill into files of the
    // temporary directory, where page images with personal data outlived an erasure, and which
    // cost a file write per upsert on flows.db (trailmap-bench/README.md, session 10).
    try (Database db = Database.open(dir)) {
      int tempStore =
          db.read(
              c -> {
                try (Statement s = c.createStatement();
                    var rows = s.executeQuery("PRAGMA temp_store")) {
                  return rows.getInt(1);
                }
              });
      assertThat(tempStore).isEqualTo(2);
    }
  }

  @Test
  void reopeningKeepsTheSchemaAndTheData() {
    try (Database db = Database.open(dir)) {
      db.read(
          c -> {
            try (Statement s = c.createStatement()) {
              return s.executeUpdate(
                  "INSERT INTO api_keys VALUES ('k1', 'h1', 'viewer', '', '2026-01-01T00:00:00Z')");
            }
          });
    }
    try (Database db = Database.open(dir)) {
      assertThat(db.schemaVersion()).isEqualTo(Migrations.latestVersion());
      int count =
          db.read(
              c -> {
                try (Statement s = c.createStatement();
                    var rows = s.executeQuery("SELECT count(*) FROM api_keys")) {
                  rows.next();
                  return rows.getInt(1);
                }
              });
      assertThat(count).isEqualTo(1);
    }
  }

  @Test
  void refusesADatabaseFromANewerTrailmap() {
    try (Database db = Database.open(dir)) {
      db.read(
          c -> {
            try (Statement s = c.createStatement()) {
              return s.execute("PRAGMA user_version = 99");
            }
          });
    }
    assertThatThrownBy(() -> Database.open(dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("use a newer Trailmap");
  }

  @Test
  void aFailedTransactionChangesNothing() {
    try (Database db = Database.open(dir)) {
      assertThatThrownBy(
              () ->
                  db.transaction(
                      c -> {
                        try (Statement s = c.createStatement()) {
                          s.executeUpdate(
                              "INSERT INTO api_keys VALUES ('k1', 'h1', 'viewer', '', 'now')");
                          return s.executeUpdate("INSERT INTO no_such_table VALUES (1)");
                        }
                      }))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("no_such_table");
      int count =
          db.read(
              c -> {
                try (Statement s = c.createStatement();
                    var rows = s.executeQuery("SELECT count(*) FROM api_keys")) {
                  rows.next();
                  return rows.getInt(1);
                }
              });
      assertThat(count).isZero();
    }
  }

  @Test
  void aDataDirectoryThatIsAFileIsReportedByName() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> Database.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("not-a-dir");
  }
}
