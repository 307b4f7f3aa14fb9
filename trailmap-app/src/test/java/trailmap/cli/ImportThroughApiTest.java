package trailmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.events.Event;
import trailmap.importer.SharedData;
import trailmap.server.ServerConfig;
import trailmap.server.TestServer;
import trailmap.server.TrailmapServer;

/** {@code trailmap import --url} against the real collection API on 127.0.0.1. */
class ImportThroughApiTest {
  @TempDir Path dir;

  @Test
  void importsTheRunningExampleThroughTheCollectionApiOnceOnTheSourcesProfiles() {
    MemoryEventLog log = new MemoryEventLog();
    try (TrailmapServer server =
        TrailmapServer.start(
            ServerConfig.defaults().withPort(0).withDataDir(dir),
            Clock.systemUTC(),
            Optional.of(TestServer.ADMIN_KEY),
            log)) {
      String key = server.sources().create("process log", "back-office").writeKey();
      String xes = SharedData.file("running-example.xes").toString();
      String url = server.uri().toString();

      CliRun first = CliRun.of("import", xes, "--url", url, "--write-key", key);
      CliRun again = CliRun.of("import", xes, "--url", url, "--write-key", key);
      CliRun wrongKey = CliRun.of("import", xes, "--url", url, "--write-key", "wk_not_a_key");

      assertThat(first.exitCode()).isZero();
      assertThat(first.out()).isEqualTo("48 accepted, 0 duplicates, 0 rejected\n");
      assertThat(again.exitCode()).isZero();
      assertThat(wrongKey.exitCode()).isEqualTo(1);
      assertThat(wrongKey.out()).contains("the server refused the write key (HTTP 401)");
      List<Event> stored = log.events();
      assertThat(stored).hasSize(48);
      assertThat(stored).extracting(Event::channel).containsOnly("back-office");
      assertThat(stored.get(1).name()).contains("register request");
      assertThat(stored.get(1).timestamp().toString()).isEqualTo("2010-12-30T13:32:00Z");
      assertThat(stored.get(0).traits().text("creator")).contains("Fluxicon Nitro");
    }
  }
}
