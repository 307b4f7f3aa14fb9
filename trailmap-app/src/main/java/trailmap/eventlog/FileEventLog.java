package trailmap.eventlog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import trailmap.events.Event;
import trailmap.events.json.EventEncoder;
import trailmap.events.json.EventJson;

/**
 * The embedded {@link EventLog}: segment files in one directory, written by one thread with group
 * commit. Usage:
 *
 * <pre>{@code
 * try (FileEventLog log = FileEventLog.open(dataDir.resolve("eventlog"))) {
 *   AppendResult r = log.append(events).join(); // returns once the events are fsynced
 *   List<LogEntry> page = log.read(0, 1000);
 * }
 * }</pre>
 *
 * <p>Guarantees: a completed append is on disk ({@code FileChannel.force}) and survives a kill -9
 * or power loss; concurrent appends share one fsync. Positions are dense from 0 and stable across
 * restarts. A messageId appended within the dedup window ({@link EventLogOptions#dedupWindow()}, by
 * append time) is counted as a duplicate and not stored again, also within one append and across
 * restarts. Opening truncates a torn last record (never acknowledged) and rebuilds the dedup set
 * from the segments holding the window. One process at a time may open a directory. Thread-safe.
 * See docs/event-log.md for the file format.
 */
public final class FileEventLog implements EventLog {
  private static final String LOCK_FILE = "log.lock";

  private final Path dir;
  private final EventLogOptions options;
  private final ConcurrentSkipListMap<Long, Segment> segments;
  private final LogWriter writer;
  private final Thread writerThread;
  private final FileChannel lockChannel;
  private final ReentrantLock lifecycle = new ReentrantLock();

  /** Readers hold it shared; an erasure holds it alone while it swaps a segment file. */
  private final ReentrantReadWriteLock files = new ReentrantReadWriteLock();

  private volatile boolean closed;

  private FileEventLog(
      Path dir, EventLogOptions options, LogRecovery.Recovered state, FileChannel lockChannel) {
    this.dir = dir;
    this.options = options;
    this.segments = state.segments();
    this.lockChannel = lockChannel;
    this.writer = new LogWriter(dir, state, options, files);
    this.writerThread = Thread.ofPlatform().name("event-log-writer").daemon().start(writer);
  }

  /** Opens (creating if needed) the log in {@code dir} with {@link EventLogOptions#defaults()}. */
  public static FileEventLog open(Path dir) {
    return open(dir, EventLogOptions.defaults());
  }

  /**
   * Opens (creating if needed) the log in {@code dir}, recovering it after a crash.
   *
   * @throws EventLogException if the directory cannot be used, another process (or this one) has it
   *     open, or a segment other than the last is corrupt
   */
  public static FileEventLog open(Path dir, EventLogOptions options) {
    if (dir == null || options == null) {
      throw new IllegalArgumentException("open the event log with a directory and options");
    }
    FileChannel lockChannel = null;
    try {
      Files.createDirectories(dir);
      lockChannel =
          FileChannel.open(
              dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(lockChannel);
      if (lock == null) {
        throw new EventLogException(
            "event log in " + dir + " is already open in another process; stop it first");
      }
      return new FileEventLog(dir, options, LogRecovery.recover(dir, options), lockChannel);
    } catch (IOException | RuntimeException e) {
      closeQuietly(lockChannel);
      if (e instanceof EventLogException ele) {
        throw ele;
      }
      throw new EventLogException("cannot open the event log in " + dir + ": " + e, e);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      throw new EventLogException(
          "event log in the same directory is already open in this process; share that instance",
          e);
    }
  }

  /**
   * Appends the events in order. Returns at once; the future completes when they are durable, with
   * how many were stored and how many were duplicates, or fails with an {@link EventLogException}
   * (I/O failure; the log then refuses appends until reopened) or an {@link IllegalStateException}
   * (closed).
   *
   * @throws IllegalArgumentException if {@code events} is null, empty or holds a null, or an event
   *     is too large to store (over 16 MiB as JSON)
   */
  @Override
  public CompletableFuture<AppendResult> append(List<Event> events) {
    if (events == null || events.isEmpty()) {
      throw new IllegalArgumentException(
          "append needs at least one event, got " + (events == null ? "null" : "an empty list"));
    }
    long now = options.clock().millis();
    List<EncodedRecord> records = new ArrayList<>(events.size());
    try (EventEncoder encoder = EventJson.encoder()) {
      for (int i = 0; i < events.size(); i++) {
        Event event = events.get(i);
        if (event == null) {
          throw new IllegalArgumentException("append got null as event " + i + " of the list");
        }
        records.add(EncodedRecord.of(event, now, encoder));
      }
    }
    AppendRequest request = new AppendRequest(List.copyOf(records), new CompletableFuture<>());
    submit(request, request.result());
    return request.result();
  }

  private void submit(WriterTask task, CompletableFuture<?> result) {
    lifecycle.lock();
    try {
      if (closed) {
        result.completeExceptionally(
            new IllegalStateException("event log in " + dir + " is closed"));
      } else {
        writer.submit(task);
      }
    } finally {
      lifecycle.unlock();
    }
  }

  /**
   * Erases the events at {@code positions}: rewrites each segment holding one, with the event's
   * frame replaced by a tombstone that keeps only its append time and messageId hash (so positions
   * stay put and the id still counts as a duplicate within the dedup window); crash-safe (temp
   * file, fsync, atomic rename, directory fsync). Runs on the writer thread, so appends wait
   * meanwhile: about the time to copy the segments involved. The future completes with how many
   * events were erased (positions already erased count 0), or fails with an {@link
   * IllegalArgumentException} for a position at or past {@link #end}, or an {@link
   * EventLogException} (the log then refuses appends until reopened, and the erasure can be retried
   * after reopening).
   *
   * @throws IllegalArgumentException if {@code positions} is null or holds a negative position
   */
  @Override
  public CompletableFuture<Long> erase(Set<Long> positions) {
    if (positions == null) {
      throw new IllegalArgumentException("erase needs a set of positions, got null");
    }
    long[] sorted = positions.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length > 0 && sorted[0] < 0) {
      throw new IllegalArgumentException("cannot erase negative position " + sorted[0]);
    }
    EraseRequest request = new EraseRequest(sorted, new CompletableFuture<>());
    if (sorted.length == 0) {
      request.result().complete(0L);
    } else {
      submit(request, request.result());
    }
    return request.result();
  }

  /**
   * The committed events from {@code from} on, at most {@code max}; empty at or past {@link #end}.
   *
   * @throws IllegalArgumentException if {@code from} or {@code max} is negative
   * @throws EventLogException if a segment cannot be read
   * @throws IllegalStateException if the log is closed
   */
  @Override
  public List<LogEntry> read(long from, int max) {
    return readPage(from, max).entries();
  }

  /**
   * As {@link #read}, with the position to read from next (past erased positions read over).
   *
   * @throws IllegalArgumentException if {@code from} or {@code max} is negative
   * @throws EventLogException if a segment cannot be read
   * @throws IllegalStateException if the log is closed
   */
  @Override
  public Page readPage(long from, int max) {
    if (from < 0 || max < 0) {
      throw new IllegalArgumentException(
          "read needs a position and a count of at least 0, got from=" + from + " max=" + max);
    }
    if (closed) {
      throw new IllegalStateException("event log in " + dir + " is closed");
    }
    long committed = writer.end();
    if (from >= committed || max == 0) {
      return new Page(List.of(), from);
    }
    files.readLock().lock();
    try {
      return LogReader.read(segments, from, max, committed);
    } catch (IOException e) {
      throw new EventLogException("cannot read the event log in " + dir + ": " + e, e);
    } finally {
      files.readLock().unlock();
    }
  }

  @Override
  public long end() {
    return writer.end();
  }

  /** How many fsyncs this instance made (tests check that appends share them). */
  long forces() {
    return writer.forces();
  }

  /** Completes the appends already made (durably), then releases the files. Idempotent. */
  @Override
  public void close() {
    lifecycle.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      writer.stop();
    } finally {
      lifecycle.unlock();
    }
    boolean interrupted = false;
    while (writerThread.isAlive()) {
      try {
        writerThread.join();
      } catch (InterruptedException e) {
        interrupted = true; // finish closing: the files must not stay locked
      }
    }
    segments.values().forEach(Segment::close);
    closeQuietly(lockChannel);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close(); // also releases the lock
      } catch (IOException e) {
        // Nothing was written through it; the OS releases the lock when the process ends anyway.
      }
    }
  }
}
