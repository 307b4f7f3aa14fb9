package trailmap.analytics.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongConsumer;
import trailmap.eventlog.EventLog;
import trailmap.eventlog.EventLogException;
import trailmap.eventlog.FileEventLog;
import trailmap.profiles.ProfileStore;
import trailmap.server.ServerConfig;
import trailmap.server.TrailmapServer;
import trailmap.store.StoreException;

/**
 * Builds the analytics {@link trailmap.analytics.EventTable} from a data directory: every event
 * {@code profiles.db} attributed to a profile (after merges, the surviving profile; events of
 * deleted profiles are gone), with the profile's current traits, channel, source, name (track event
 * or page/screen name), type, properties and time in microseconds.
 *
 * <pre>{@code
 * // offline, on a stopped server's data directory: applies pending events to profiles first
 * LoadedTable t = EventTables.load(ServerConfig.defaults().withDataDir(dir), LoadOptions.all());
 * // in the running server: reads beside the processor, waiting for it up to the option's limit
 * LoadedTable t = EventTables.load(server.profiles(), eventLog, LoadOptions.all());
 * }</pre>
 *
 * <p>Reads go through their own read-only SQLite connection in one transaction, so the table is one
 * consistent snapshot and the server's profile API and processor are not held up. Thread-safe: no
 * shared state.
 */
public final class EventTables {
  private static final int CATCH_UP_BATCH = 5_000;
  private static final Duration POLL = Duration.ofMillis(50);

  private EventTables() {}

  /** {@link #load(ServerConfig, LoadOptions, LongConsumer)} with the default settings. */
  public static LoadedTable load(Path dataDir, LoadOptions options) {
    return load(configFor(dataDir), options, applied -> {});
  }

  /** As {@link #load(ServerConfig, LoadOptions, LongConsumer)}, reporting no progress. */
  public static LoadedTable load(ServerConfig config, LoadOptions options) {
    return load(config, options, applied -> {});
  }

  /**
   * Offline: opens the event log of {@code config.dataDir()} (the server must be stopped), applies
   * to {@code profiles.db} every event it holds that profiles have not applied yet, with the
   * config's identity rules (as the server would), then loads. The lag is always 0.
   *
   * @param applied told how many events were applied so far during the catch-up
   * @throws StoreException when the data directory is in use by a running server or unreadable
   */
  public static LoadedTable load(ServerConfig config, LoadOptions options, LongConsumer applied) {
    long started = System.nanoTime();
    Path dataDir = config.dataDir();
    long position;
    try (FileEventLog log = openLog(dataDir, config);
        ProfileStore profiles = ProfileStore.open(dataDir, config.identity(), Clock.systemUTC())) {
      long done = 0;
      long next = profiles.position();
      while (next < log.end()) {
        EventLog.Page page = log.readPage(next, CATCH_UP_BATCH);
        profiles.apply(page);
        done += page.entries().size();
        next = page.next();
        applied.accept(done);
      }
      position = next;
    }
    TableReader.Snapshot snapshot = read(dataDir.resolve("profiles.db"), options);
    return new LoadedTable(
        snapshot.table(), Math.max(position, snapshot.position()), 0, since(started));
  }

  /**
   * Live: loads from the running server's profiles while its processor keeps applying events. Waits
   * up to {@code options.waitForProfiles()} for the processor to reach the log's end as it was when
   * the load began; what it has not applied by then is missing and reported as the lag.
   */
  public static LoadedTable load(ProfileStore profiles, EventLog log, LoadOptions options) {
    long started = System.nanoTime();
    long target = log.end();
    long deadline = started + options.waitForProfiles().toNanos();
    while (profiles.position() < target && System.nanoTime() < deadline) {
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    TableReader.Snapshot snapshot = read(profiles.file(), options);
    long lag = Math.max(0, log.end() - snapshot.position());
    return new LoadedTable(snapshot.table(), snapshot.position(), lag, since(started));
  }

  private static TableReader.Snapshot read(Path profilesDb, LoadOptions options) {
    return new TableReader()
        .read(
            profilesDb,
            options.from().map(EventTables::micros),
            options.to().map(EventTables::micros));
  }

  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  private static FileEventLog openLog(Path dataDir, ServerConfig config) {
    Path dir = dataDir.resolve(TrailmapServer.EVENT_LOG_DIR);
    try {
      return FileEventLog.open(dir, TrailmapServer.eventLogOptions(config, Clock.systemUTC()));
    } catch (EventLogException e) {
      throw new StoreException(
          "cannot open the event log in "
              + dir
              + ": "
              + e.getMessage()
              + " (an offline load needs the server stopped; a running server loads live)",
          e);
    }
  }

  private static ServerConfig configFor(Path dataDir) {
    return ServerConfig.defaults().withDataDir(dataDir);
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
