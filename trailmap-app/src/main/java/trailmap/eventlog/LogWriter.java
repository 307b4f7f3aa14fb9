package trailmap.eventlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The one thread that owns the active segment and the dedup set (group commit): it takes every
 * pending request, drops duplicates, writes the rest, forces the file once, and only then completes
 * the requests' futures. The futures complete on this thread, so their dependent stages should be
 * short or async. After an I/O failure it fails every request it takes, for good. It also carries
 * out erasures ({@link SegmentRewriter}), between commits, so no append races a rewrite.
 */
final class LogWriter implements Runnable {
  private static final int MAX_REQUESTS_PER_COMMIT = 4096;
  private static final int BUFFER_BYTES = 1 << 20;

  private final Path dir;
  private final ConcurrentSkipListMap<Long, Segment> segments;
  private final DedupIndex dedup;
  private final Clock clock;
  private final long segmentBytes;
  private final LinkedBlockingQueue<WriterTask> queue = new LinkedBlockingQueue<>();
  private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_BYTES);
  private final SegmentRewriter rewriter;
  private Segment active;
  private volatile long end;
  private volatile EventLogException failure;
  private volatile long forces;

  LogWriter(
      Path dir,
      LogRecovery.Recovered state,
      EventLogOptions options,
      ReentrantReadWriteLock files) {
    this.rewriter = new SegmentRewriter(dir, state.segments(), files);
    this.dir = dir;
    this.segments = state.segments();
    this.active = state.active();
    this.end = state.end();
    this.dedup = state.dedup();
    this.clock = options.clock();
    this.segmentBytes = options.segmentBytes();
  }

  /** The committed end: every position below it is on disk and readable. */
  long end() {
    return end;
  }

  /** How many fsyncs the writer has made: fewer than appends when they share commits. */
  long forces() {
    return forces;
  }

  /** Queues the request, or fails it at once if the log has failed. */
  void submit(WriterTask task) {
    EventLogException failed = failure;
    if (failed != null) {
      failTask(task, failed);
    } else {
      queue.add(task);
    }
  }

  /** Asks the writer to commit what is queued and stop; always heard, even after a failure. */
  void stop() {
    queue.add(AppendRequest.STOP);
  }

  @Override
  public void run() {
    List<WriterTask> tasks = new ArrayList<>();
    List<AppendRequest> appends = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      try {
        tasks.add(queue.take());
      } catch (InterruptedException e) {
        // Nobody but close() may stop the writer; an interrupt fails the log so no append hangs.
        failure = new EventLogException("event log writer in " + dir + " was interrupted", e);
        continue;
      }
      queue.drainTo(tasks, MAX_REQUESTS_PER_COMMIT);
      stopping = tasks.remove(AppendRequest.STOP);
      // Appends first, in one commit; erasures after it (they only touch committed positions).
      for (WriterTask task : tasks) {
        if (task instanceof AppendRequest append) {
          appends.add(append);
        }
      }
      commit(appends);
      for (WriterTask task : tasks) {
        if (task instanceof EraseRequest erase) {
          erase(erase);
        }
      }
      tasks.clear();
      appends.clear();
    }
  }

  private void erase(EraseRequest request) {
    if (failure != null) {
      request.result().completeExceptionally(failure);
      return;
    }
    long[] positions = request.positions();
    if (positions.length > 0 && positions[positions.length - 1] >= end) {
      request
          .result()
          .completeExceptionally(
              new IllegalArgumentException(
                  "cannot erase position "
                      + positions[positions.length - 1]
                      + ": the log ends at "
                      + end));
      return;
    }
    try {
      SegmentRewriter.Erased erased = rewriter.erase(positions, active);
      active = erased.active();
      request.result().complete(erased.count());
    } catch (IOException | RuntimeException e) {
      // A failed rewrite leaves the old segment in place (only its temp file may remain, which the
      // next open removes), but the writer's view of the files is uncertain: stop appending.
      failure =
          new EventLogException(
              "event log in "
                  + dir
                  + " could not erase events ("
                  + e
                  + "); it refuses appends until it is reopened",
              e);
      request.result().completeExceptionally(failure);
    }
  }

  private void commit(List<AppendRequest> batch) {
    if (failure != null) {
      fail(batch, failure);
      return;
    }
    try {
      long now = clock.millis();
      dedup.expire(now);
      if (active.bytes >= segmentBytes && active.frames > 0) {
        roll();
      }
      long start = end;
      long position = start;
      long offset = active.bytes;
      long written = active.bytes;
      int[] accepted = new int[batch.size()];
      for (int r = 0; r < batch.size(); r++) {
        for (EncodedRecord record : batch.get(r).records()) {
          if (!dedup.addIfAbsent(record.id(), record.appendedAtMillis())) {
            continue;
          }
          if (out.remaining() < record.frame().length) {
            written += write(written);
          }
          if (record.frame().length > out.capacity()) {
            written += writeFully(ByteBuffer.wrap(record.frame()), written);
          } else {
            out.put(record.frame());
          }
          active.noteFrame(position, offset);
          position++;
          offset += record.frame().length;
          accepted[r]++;
        }
      }
      write(written);
      if (position > start) {
        active.writeChannel().force(false);
        forces++; // only this thread writes it
      }
      active.bytes = offset;
      active.frames += position - start;
      end = position;
      for (int r = 0; r < batch.size(); r++) {
        AppendRequest request = batch.get(r);
        int duplicates = request.records().size() - accepted[r];
        request.result().complete(new EventLog.AppendResult(accepted[r], duplicates));
      }
    } catch (IOException | RuntimeException e) {
      failure =
          new EventLogException(
              "event log in "
                  + dir
                  + " could not write to "
                  + active.path
                  + " ("
                  + e
                  + "); it refuses appends until it is reopened",
              e);
      fail(batch, failure);
    }
  }

  /** Writes and clears what is buffered, at {@code at}; the number of bytes written. */
  private long write(long at) throws IOException {
    out.flip();
    long n = writeFully(out, at);
    out.clear();
    return n;
  }

  private long writeFully(ByteBuffer bytes, long at) throws IOException {
    long n = 0;
    while (bytes.hasRemaining()) {
      n += active.writeChannel().write(bytes, at + n);
    }
    return n;
  }

  private void roll() throws IOException {
    Segment next = Segment.writable(dir, end);
    LogRecovery.syncDirectory(dir);
    next.markIndexed();
    segments.put(next.base, next);
    active.close(); // everything in it was forced; readers open their own channels
    active = next;
  }

  private static void failTask(WriterTask task, EventLogException cause) {
    switch (task) {
      case AppendRequest append -> append.result().completeExceptionally(cause);
      case EraseRequest erase -> erase.result().completeExceptionally(cause);
    }
  }

  private static void fail(List<AppendRequest> requests, EventLogException cause) {
    for (AppendRequest request : requests) {
      request.result().completeExceptionally(cause);
    }
  }
}
