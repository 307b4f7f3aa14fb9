package trailmap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.maps.JourneyMap;
import trailmap.maps.format.MapReader;
import trailmap.maps.format.MapWriter;
import trailmap.store.Database;
import trailmap.store.MapStore;

class LatestMapsTest {
  @TempDir Path dir;
  Database db;
  MapStore store;
  LatestMaps latest;

  @BeforeEach
  void open() {
    db = Database.open(dir);
    store = new MapStore(db, Clock.systemUTC());
    latest = new LatestMaps(store);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static JourneyMap map(String name) {
    return MapReader.read("test", TestServer.mapYaml("shop", name, "Buy")).map().orElseThrow();
  }

  @Test
  void parsesAVersionOnceAndTheNextVersionWhenItIsSaved() {
    assertThat(latest.apply("shop")).isEmpty();
    store.create(map("One"), MapWriter.toYaml(map("One")), "key_a");

    JourneyMap first = latest.apply("shop").orElseThrow();
    assertThat(first.name()).isEqualTo("One");
    assertThat(latest.apply("shop").orElseThrow()).isSameAs(first);

    store.update(map("Two"), MapWriter.toYaml(map("Two")), "key_a");
    JourneyMap second = latest.apply("shop").orElseThrow();
    assertThat(second.name()).isEqualTo("Two");
    assertThat(latest.apply("shop").orElseThrow()).isSameAs(second);

    store.delete("shop");
    assertThat(latest.apply("shop")).isEmpty();
  }
}
