package trailmap.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.store.Database;

class SourcesTest {
  static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");

  @TempDir Path dir;

  @Test
  void storesOnlyTheHashOfAWriteKeyAndKnowsItsSourceByIt() {
    try (Database db = Database.open(dir)) {
      Sources sources = new Sources(db, Clock.fixed(NOW, ZoneOffset.UTC));
      IssuedSource issued = sources.create("web", "web");
      assertThat(sources.authenticate(issued.writeKey())).contains(issued.source());
      assertThat(issued.source().createdAt()).isEqualTo(NOW);
      String stored =
          db.read(
              c -> {
                try (Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT write_key_hash FROM sources")) {
                  rows.next();
                  return rows.getString(1);
                }
              });
      assertThat(stored).isEqualTo(WriteKeys.hash(issued.writeKey())).hasSize(64);
      assertThat(issued.toString()).doesNotContain(issued.writeKey());
    }
  }

  @Test
  void aRevokedKeyIsRefusedAndItsSourceStaysListed() {
    try (Database db = Database.open(dir)) {
      Sources sources = new Sources(db, Clock.fixed(NOW, ZoneOffset.UTC));
      IssuedSource issued = sources.create("app", "mobile");
      assertThat(sources.revoke(issued.source().id())).isTrue();
      assertThat(sources.revoke(issued.source().id())).isTrue();
      assertThat(sources.revoke("src_missing")).isFalse();
      assertThat(sources.authenticate(issued.writeKey())).isEmpty();
      assertThat(sources.list().getFirst().revokedAt()).contains(NOW);
    }
  }

  @Test
  void refusesUnknownEmptyAndAbsurdlyLongKeys() {
    try (Database db = Database.open(dir)) {
      Sources sources = new Sources(db, Clock.systemUTC());
      sources.create("web", "web");
      assertThat(sources.authenticate("")).isEmpty();
      assertThat(sources.authenticate("wk_unknown")).isEmpty();
      assertThat(sources.authenticate("x".repeat(10_000))).isEmpty();
    }
  }

  @Test
  void refusesBlankNamesAndChannels() {
    try (Database db = Database.open(dir)) {
      Sources sources = new Sources(db, Clock.systemUTC());
      assertThatThrownBy(() -> sources.create(" ", "web"))
          .hasMessageContaining("source name must be 1-100 characters");
      assertThatThrownBy(() -> sources.create("web", ""))
          .hasMessageContaining("source channel must be 1-100 characters");
    }
  }
}
