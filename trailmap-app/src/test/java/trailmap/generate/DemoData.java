package trailmap.generate;

import java.nio.file.Path;
import trailmap.demo.DemoJourneys;
import trailmap.eventlog.FileEventLog;
import trailmap.importer.ImportProgress;
import trailmap.server.TrailmapServer;

/**
 * Generated demo journeys (seed 1, ending {@link DemoJourneys#DEFAULT_END}) appended to the event
 * log of a data directory, as {@code trailmap demo} does on a fresh one; start a server on the
 * directory afterwards, or load it with {@code EventTables.load(dir, LoadOptions.all())}.
 */
public final class DemoData {
  private DemoData() {}

  public static GenerationSummary generate(Path dataDir, int profiles) {
    try (FileEventLog log = FileEventLog.open(dataDir.resolve(TrailmapServer.EVENT_LOG_DIR))) {
      return DemoDataWriter.toLog(
          log, new DemoJourneys(1, DemoJourneys.DEFAULT_END), profiles, ImportProgress.none());
    }
  }
}
