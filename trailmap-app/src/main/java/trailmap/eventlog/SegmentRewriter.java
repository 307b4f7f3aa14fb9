package trailmap.eventlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Erases events by rewriting the segments that hold them: each frame is copied to {@code
 * <segment>.erasing}, an erased event's frame replaced by a tombstone (its append time and
 * messageId hash, see {@link EncodedRecord#tombstone}); the copy is forced, renamed over the
 * segment atomically and the directory forced. A crash leaves the old segment (and maybe a temp
 * file, which {@link LogRecovery} deletes) or the new one, never neither. Positions do not move, so
 * followers' positions stay valid. The rename and the swap of the in-memory segment happen under
 * the log's write lock, which readers hold while they read, so no reader mixes an old index with a
 * new file. Runs on the writer thread only.
 */
final class SegmentRewriter {
  /** The suffix of a segment's rewrite in progress. */
  static final String TEMP_SUFFIX = ".erasing";

  private static final int BUFFER_BYTES = 1 << 20;

  private final Path dir;
  private final ConcurrentSkipListMap<Long, Segment> segments;
  private final ReentrantReadWriteLock files;

  SegmentRewriter(
      Path dir, ConcurrentSkipListMap<Long, Segment> segments, ReentrantReadWriteLock files) {
    this.dir = dir;
    this.segments = segments;
    this.files = files;
  }

  /** What an erasure did: the writer's segment afterwards (maybe a new object) and the count. */
  record Erased(Segment active, long count) {}

  /**
   * Erases the events at {@code positions} (sorted, distinct, all committed).
   *
   * @param active the writer's segment, replaced in the answer when it was rewritten
   */
  Erased erase(long[] positions, Segment active) throws IOException {
    long count = 0;
    Segment writerSegment = active;
    int i = 0;
    while (i < positions.length) {
      Segment segment = segments.floorEntry(positions[i]).getValue();
      long segmentEnd = segment.base + segment.frames;
      int j = i;
      while (j < positions.length && positions[j] < segmentEnd) {
        j++;
      }
      if (j == i) {
        throw new IllegalStateException(
            "position " + positions[i] + " is in no segment of the event log in " + dir);
      }
      Optional<Rewritten> done = rewrite(segment, positions, i, j, segment == writerSegment);
      if (done.isPresent()) {
        count += done.get().erased();
        if (segment == writerSegment) {
          writerSegment = done.get().segment();
        }
      }
      i = j;
    }
    return new Erased(writerSegment, count);
  }

  private record Rewritten(Segment segment, long erased) {}

  private Optional<Rewritten> rewrite(
      Segment old, long[] positions, int from, int to, boolean writable) throws IOException {
    Path temp = dir.resolve(old.path.getFileName() + TEMP_SUFFIX);
    long[] offsets = new long[(int) old.frames];
    long erased = 0;
    long written = 0;
    try (FileChannel in = old.openForRead();
        FileChannel out =
            FileChannel.open(
                temp,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
      FrameCursor cursor = new FrameCursor(in, 0);
      int next = from;
      for (int k = 0; k < old.frames; k++) {
        long position = old.base + k;
        if (cursor.next() != FrameCursor.Step.FRAME) {
          throw old.corrupt(cursor.frameOffset(), "frame " + position + " is missing or corrupt");
        }
        byte[] frame;
        if (next < to && positions[next] == position) {
          next++;
          frame =
              cursor.isTombstone()
                  ? cursor.frameBytes()
                  : EncodedRecord.tombstone(cursor.messageIdHash(), cursor.appendedAtMillis());
          erased += cursor.isTombstone() ? 0 : 1;
        } else {
          frame = cursor.frameBytes();
        }
        offsets[k] = written;
        if (buffer.remaining() < frame.length) {
          flush(buffer, out);
        }
        if (frame.length > buffer.capacity()) {
          writeFully(ByteBuffer.wrap(frame), out);
        } else {
          buffer.put(frame);
        }
        written += frame.length;
      }
      flush(buffer, out);
      if (erased > 0) {
        out.force(true);
      }
    }
    if (erased == 0) {
      Files.delete(temp); // everything asked for was erased before: leave the segment alone
      return Optional.empty();
    }
    Segment fresh;
    files.writeLock().lock();
    try {
      Files.move(temp, old.path, StandardCopyOption.ATOMIC_MOVE);
      LogRecovery.syncDirectory(dir);
      fresh = writable ? Segment.writable(dir, old.base) : Segment.existing(dir, old.base);
      fresh.frames = old.frames;
      fresh.bytes = written;
      for (int k = 0; k < offsets.length; k++) {
        fresh.noteFrame(old.base + k, offsets[k]);
      }
      fresh.markIndexed();
      segments.put(fresh.base, fresh);
      old.close();
    } finally {
      files.writeLock().unlock();
    }
    return Optional.of(new Rewritten(fresh, erased));
  }

  private static void flush(ByteBuffer buffer, FileChannel out) throws IOException {
    buffer.flip();
    writeFully(buffer, out);
    buffer.clear();
  }

  private static void writeFully(ByteBuffer bytes, FileChannel out) throws IOException {
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
  }
}
