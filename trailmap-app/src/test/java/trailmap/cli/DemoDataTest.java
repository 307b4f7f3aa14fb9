package trailmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.analytics.store.EventTables;
import trailmap.analytics.store.LoadOptions;
import trailmap.analytics.store.LoadedTable;
import trailmap.eventlog.FileEventLog;
import trailmap.server.ServerConfig;

class DemoDataTest {
  @TempDir Path data;

  @Test
  void anEmptyDataDirectoryGetsDemoProfilesOnceAndTheyLoadAsProfiles() {
    ServerConfig config = ServerConfig.defaults().withDataDir(data);
    StringWriter out = new StringWriter();
    PrintWriter err = new PrintWriter(new StringWriter());

    assertThat(DemoCommand.generateOnFreshData(config, new PrintWriter(out, true), err)).isTrue();
    long events;
    try (FileEventLog log = FileEventLog.open(data.resolve("eventlog"))) {
      events = log.end();
    }
    assertThat(DemoCommand.generateOnFreshData(config, new PrintWriter(out, true), err)).isTrue();

    assertThat(out.toString()).containsOnlyOnce("Generated demo data: 2,000 profiles");
    try (FileEventLog log = FileEventLog.open(data.resolve("eventlog"))) {
      assertThat(log.end()).isEqualTo(events).isGreaterThan(10_000);
    }
    LoadedTable loaded = EventTables.load(config, LoadOptions.all());
    assertThat(loaded.table().profiles()).isEqualTo(DemoCommand.DEMO_PROFILES);
    assertThat(loaded.table().events()).isEqualTo((int) events);
  }
}
