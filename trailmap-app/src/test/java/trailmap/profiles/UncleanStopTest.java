package trailmap.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncleanStopTest {
  @TempDir Path dir;

  /** A closed profiles.db holding enough rows to span many pages. */
  private void fill() {
    try (ProfileDatabase db = ProfileDatabase.open(dir)) {
      db.transaction(
          c -> {
            try (var insert =
                c.prepareStatement(
                    "INSERT INTO profiles (id, created_by, created_at) VALUES (?, ?, ?)")) {
              for (int i = 0; i < 2000; i++) {
                insert.setString(1, "p_" + i);
                insert.setString(2, "m_" + i);
                insert.setString(3, "2026-11-23T18:00:00Z");
                insert.executeUpdate();
              }
            }
            return null;
          });
    }
  }

  private long profiles(ProfileDatabase db) {
    return db.read(
        c -> {
          try (var rows = c.createStatement().executeQuery("SELECT count(*) FROM profiles")) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  private Path marker() {
    return dir.resolve("profiles.db.open");
  }

  @Test
  void aCleanCloseRemovesTheMarkerAndAnOpenDatabaseHasOne() {
    try (ProfileDatabase db = ProfileDatabase.open(dir)) {
      assertThat(marker()).exists();
      assertThat(profiles(db)).isZero();
    }
    assertThat(marker()).doesNotExist();
  }

  @Test
  void afterAnUncleanStopAHealthyDatabaseIsKept() throws Exception {
    fill();
    Files.writeString(marker(), "left by a crash");
    try (ProfileDatabase db = ProfileDatabase.open(dir)) {
      assertThat(profiles(db)).isEqualTo(2000);
    }
    assertThat(damaged()).isEmpty();
  }

  @Test
  void afterAnUncleanStopADamagedDatabaseIsSetAsideAndStartsAgainFromPositionZero()
      throws Exception {
    fill();
    try (RandomAccessFile file = new RandomAccessFile(dir.resolve("profiles.db").toFile(), "rw")) {
      file.seek(4096 * 3); // a page in the middle: a torn write after a power loss
      file.write(new byte[4096 * 4]);
      file.seek(4096 * 8);
      file.write("garbage".repeat(600).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    Files.writeString(marker(), "left by a crash");

    try (ProfileDatabase db = ProfileDatabase.open(dir)) {
      assertThat(profiles(db)).isZero();
      long position =
          db.read(
              c -> {
                try (var rows =
                    c.createStatement().executeQuery("SELECT position FROM processor")) {
                  rows.next();
                  return rows.getLong(1);
                }
              });
      assertThat(position).isZero();
    }
    assertThat(damaged()).hasSize(1);
  }

  private java.util.List<Path> damaged() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().contains(".damaged-")).toList();
    }
  }
}
