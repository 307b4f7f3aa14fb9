package trailmap.eventlog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One segment file, {@code <base position, 20 digits>.seg}: the frames of positions {@code base}
 * on, until the next segment's base. Keeps a sparse index (position → byte offset of that frame,
 * one entry per {@value #INDEX_INTERVAL_BYTES} bytes) so a read scans at most that much to find its
 * first frame. The active segment's index is kept by the writer; an older segment's is built on
 * first use. Reads are thread-safe; the write channel, {@link #noteFrame} and the size fields
 * belong to the writer.
 */
final class Segment {
  static final long INDEX_INTERVAL_BYTES = 64 << 10;
  static final String SUFFIX = ".seg";

  final long base;
  final Path path;

  /** The writer's channel; null for a segment only read (readers open their own, see below). */
  private final FileChannel writeChannel;

  private final ConcurrentSkipListMap<Long, Long> index = new ConcurrentSkipListMap<>();
  private final ReentrantLock indexing = new ReentrantLock();
  private volatile boolean indexed;
  private long lastIndexedOffset = -INDEX_INTERVAL_BYTES;

  /** Writer-owned: the bytes and frames written to this segment. */
  long bytes;

  long frames;

  private Segment(long base, Path path, FileChannel writeChannel) {
    this.base = base;
    this.path = path;
    this.writeChannel = writeChannel;
  }

  /** A segment that is only read. */
  static Segment existing(Path dir, long base) {
    return new Segment(base, dir.resolve(fileName(base)), null);
  }

  /** The segment the writer appends to, created if missing. */
  static Segment writable(Path dir, long base) throws IOException {
    Path path = dir.resolve(fileName(base));
    return new Segment(
        base,
        path,
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
  }

  FileChannel writeChannel() {
    if (writeChannel == null) {
      throw new IllegalStateException("segment " + path + " is not open for writing");
    }
    return writeChannel;
  }

  /**
   * A private read channel: an interrupt closes a FileChannel, so readers never share one; an
   * interrupted reader then fails alone instead of breaking the log.
   */
  FileChannel openForRead() throws IOException {
    return FileChannel.open(path, StandardOpenOption.READ);
  }

  static String fileName(long base) {
    return String.format("%020d%s", base, SUFFIX);
  }

  /** The base position a segment file name encodes, or empty if it is not a segment's name. */
  static Optional<Long> baseOf(String fileName) {
    if (!fileName.matches("\\d{20}\\" + SUFFIX)) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(fileName.substring(0, 20)));
  }

  /** Records that the frame of {@code position} starts at {@code offset}. Writer or indexer. */
  void noteFrame(long position, long offset) {
    if (offset - lastIndexedOffset >= INDEX_INTERVAL_BYTES) {
      index.put(position, offset);
      lastIndexedOffset = offset;
    }
  }

  /** Marks the index complete (the writer's segment, or one recovery scanned). */
  void markIndexed() {
    indexed = true;
  }

  /** The indexed frame at or before {@code position}: its position and byte offset. */
  Map.Entry<Long, Long> floor(long position, long frameCount) throws IOException {
    if (!indexed) {
      buildIndex(frameCount);
    }
    Map.Entry<Long, Long> entry = index.floorEntry(position);
    return entry == null ? Map.entry(base, 0L) : entry;
  }

  private void buildIndex(long frameCount) throws IOException {
    indexing.lock();
    try {
      if (indexed) {
        return;
      }
      try (FileChannel channel = openForRead()) {
        FrameCursor cursor = new FrameCursor(channel, 0);
        for (long i = 0; i < frameCount; i++) {
          if (cursor.next() != FrameCursor.Step.FRAME) {
            throw corrupt(cursor.frameOffset(), "frame " + (base + i) + " is missing or corrupt");
          }
          noteFrame(base + i, cursor.frameOffset());
        }
      }
      indexed = true;
    } finally {
      indexing.unlock();
    }
  }

  EventLogException corrupt(long offset, String what) {
    return new EventLogException(
        "event log segment "
            + path
            + " is corrupt at byte "
            + offset
            + ": "
            + what
            + ". Only the last segment can hold a torn write; restore this file from a backup.");
  }

  /** Closes the writer's channel, if any. Idempotent. */
  void close() {
    if (writeChannel == null) {
      return;
    }
    try {
      writeChannel.close();
    } catch (IOException e) {
      // Everything acknowledged was forced before; the next open recovers the rest anyway.
    }
  }
}
