package trailmap.flows.runtime;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import trailmap.eventlog.EventLog;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileStore;

/**
 * Reads the next page of events, who holds them and the holders' profile views on a thread of its
 * own while the flow thread carries out the page in hand: the log and profiles.db are files and
 * connections of their own, so this reading (a quarter of an event's cost against 20 flows,
 * trailmap-bench/README.md) runs on the machine's other core.
 *
 * <p>A page read ahead is used only by the round that starts at its first position with no erasure
 * started or committed in between; otherwise that round reads the page itself. Its views are then
 * as old as one page (tens of milliseconds), the same race with new events as views read just
 * before the transaction, and their events are cut to the round's horizon ({@link
 * ProfileReads#adopt}). It reads the views of every holder on the page, also those no flow will act
 * on: it is only started after a page on which some flow acted. Used by the flow thread alone.
 */
final class PageAhead implements AutoCloseable {
  private final EventLog log;
  private final ProfileStore profiles;
  private final StateCache states;
  private final LongSupplier profilesApplied;
  private final int pageSize;
  private final ExecutorService reader = ViewsAhead.readerThread("trailmap-flow-pages");

  /** A page read: its entries up to {@code next}, their holders, and the holders' views. */
  record Read(EventLog.Page page, long next, Map<Long, ProfileId> holders, ProfileReads reads) {}

  private record Ahead(long from, long erasures, Future<Optional<Read>> read) {}

  private Ahead ahead;

  PageAhead(
      EventLog log,
      ProfileStore profiles,
      StateCache states,
      LongSupplier profilesApplied,
      int pageSize) {
    this.states = states;
    this.log = log;
    this.profiles = profiles;
    this.profilesApplied = profilesApplied;
    this.pageSize = pageSize;
  }

  /** The page read ahead from {@code from}, if there is one the round may use. */
  Optional<Read> take(long from, long erasures) {
    Ahead held = ahead;
    ahead = null;
    if (held == null || held.from() != from || held.erasures() != erasures) {
      return Optional.empty();
    }
    try {
      return held.read().get();
    } catch (ExecutionException e) {
      return Optional.empty(); // the round reads the page itself
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Starts reading the page from {@code from}, with views read for {@code now}. */
  void readAhead(long from, long erasures, Instant now, Set<String> events) {
    ahead = new Ahead(from, erasures, reader.submit(() -> read(from, now, events)));
  }

  private Optional<Read> read(long from, Instant now, Set<String> events) {
    long limit = Math.min(log.end(), profilesApplied.getAsLong());
    if (from >= limit) {
      return Optional.empty();
    }
    EventLog.Page page = log.readPage(from, (int) Math.min(pageSize, limit - from));
    long next = Math.min(page.next(), limit);
    if (next <= from) {
      return Optional.empty();
    }
    Map<Long, ProfileId> holders = profiles.holders(from, next);
    ProfileReads reads = new ProfileReads(profiles, states, now);
    reads.views(new HashSet<>(holders.values()), events);
    return Optional.of(new Read(page, next, holders, reads));
  }

  @Override
  public void close() {
    reader.shutdownNow();
  }
}
