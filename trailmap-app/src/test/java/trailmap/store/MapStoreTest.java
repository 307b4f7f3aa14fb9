package trailmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapState;
import trailmap.maps.format.MapReader;
import trailmap.maps.format.MapWriter;
import trailmap.server.TestServer;

class MapStoreTest {
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path dir;
  Database db;
  MapStore store;

  @BeforeEach
  void open() {
    db = Database.open(dir);
    store = new MapStore(db, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    db.close();
  }

  static JourneyMap map(String id, String name) {
    return MapReader.read("test", TestServer.mapYaml(id, name, "Buy")).map().orElseThrow();
  }

  @Test
  void storesANewMapAsVersionOne() {
    JourneyMap map = map("shop", "Shop");
    assertThat(store.create(map, MapWriter.toYaml(map), "key_a"))
        .contains(new MapVersion("shop", 1, NOW, "key_a"));
    MapSummary summary = store.summary("shop").orElseThrow();
    assertThat(summary.name()).isEqualTo("Shop");
    assertThat(summary.state()).isEqualTo(MapState.CURRENT);
    assertThat(summary.owner()).isEqualTo("CX team");
    assertThat(summary.reviewBy()).contains(LocalDate.parse("2027-01-31"));
    assertThat(summary.version()).isEqualTo(1);
    assertThat(store.latest("shop").orElseThrow().yaml()).isEqualTo(MapWriter.toYaml(map));
  }

  @Test
  void refusesToCreateAnIdThatExistsAndKeepsTheFirst() {
    JourneyMap first = map("shop", "First");
    JourneyMap second = map("shop", "Second");
    store.create(first, MapWriter.toYaml(first), "key_a");
    assertThat(store.create(second, MapWriter.toYaml(second), "key_b")).isEmpty();
    assertThat(store.summary("shop").orElseThrow().name()).isEqualTo("First");
    assertThat(store.versions("shop")).hasSize(1);
  }

  @Test
  void everySaveIsANewVersionAndOldVersionsStayReadable() {
    JourneyMap v1 = map("shop", "One");
    JourneyMap v2 = map("shop", "Two");
    store.create(v1, MapWriter.toYaml(v1), "key_a");
    assertThat(store.update(v2, MapWriter.toYaml(v2), "key_b"))
        .contains(new MapVersion("shop", 2, NOW, "key_b"));
    assertThat(store.versions("shop"))
        .extracting(MapVersion::number, MapVersion::keyId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "key_a"),
            org.assertj.core.groups.Tuple.tuple(2, "key_b"));
    assertThat(store.version("shop", 1).orElseThrow().yaml()).contains("One");
    assertThat(store.latest("shop").orElseThrow().yaml()).contains("Two");
    assertThat(store.summary("shop").orElseThrow().version()).isEqualTo(2);
    assertThat(store.version("shop", 3)).isEmpty();
  }

  @Test
  void updatingAMissingMapChangesNothing() {
    JourneyMap map = map("ghost", "Ghost");
    assertThat(store.update(map, MapWriter.toYaml(map), "key_a")).isEmpty();
    assertThat(store.list()).isEmpty();
  }

  @Test
  void deletingRemovesTheMapWithAllItsVersions() {
    JourneyMap map = map("shop", "Shop");
    store.create(map, MapWriter.toYaml(map), "key_a");
    store.update(map, MapWriter.toYaml(map), "key_a");
    assertThat(store.delete("shop")).isTrue();
    assertThat(store.summary("shop")).isEmpty();
    assertThat(store.versions("shop")).isEmpty();
    assertThat(store.delete("shop")).isFalse();
  }

  @Test
  void listsMapsByIdAndSurvivesAReopen() {
    for (String id : new String[] {"b-map", "a-map"}) {
      JourneyMap map = map(id, id);
      store.create(map, MapWriter.toYaml(map), "key_a");
    }
    db.close();
    db = Database.open(dir);
    store = new MapStore(db, Clock.systemUTC());
    assertThat(store.list()).extracting(MapSummary::id).containsExactly("a-map", "b-map");
  }

  @Test
  void flagsAReviewDateInThePast() {
    JourneyMap map = map("shop", "Shop");
    store.create(map, MapWriter.toYaml(map), "key_a");
    MapSummary summary = store.summary("shop").orElseThrow();
    assertThat(summary.isReviewOverdue(LocalDate.parse("2027-01-31"))).isFalse();
    assertThat(summary.isReviewOverdue(LocalDate.parse("2027-02-01"))).isTrue();
  }
}
