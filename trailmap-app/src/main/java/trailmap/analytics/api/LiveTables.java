package trailmap.analytics.api;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import trailmap.analytics.EventTable;
import trailmap.analytics.store.EventTables;
import trailmap.analytics.store.LoadOptions;
import trailmap.analytics.store.LoadedTable;
import trailmap.eventlog.EventLog;
import trailmap.profiles.ProfileStore;

/**
 * The running server's events as one analytics table, loaded beside the profile processor and kept
 * until profiles move on: queries in a row share one load, and the first query after new events
 * arrive loads again (waiting up to {@link #WAIT} for the processor to apply what the log held).
 * Thread-safe: one load at a time; concurrent queries wait for it and share its table.
 */
public final class LiveTables implements Supplier<EventTable> {
  /** How long a query waits for profiles to catch up with acknowledged events. */
  static final java.time.Duration WAIT = java.time.Duration.ofSeconds(5);

  private final ProfileStore profiles;
  private final EventLog log;
  private final ReentrantLock lock = new ReentrantLock();
  private LoadedTable loaded;

  public LiveTables(ProfileStore profiles, EventLog log) {
    this.profiles = profiles;
    this.log = log;
  }

  @Override
  public EventTable get() {
    lock.lock();
    try {
      if (loaded == null || loaded.position() != profiles.position()) {
        loaded = EventTables.load(profiles, log, LoadOptions.all().waiting(WAIT));
      }
      return loaded.table();
    } finally {
      lock.unlock();
    }
  }
}
