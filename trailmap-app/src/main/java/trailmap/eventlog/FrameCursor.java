package trailmap.eventlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.zip.CRC32C;
import trailmap.events.Event;
import trailmap.events.json.EventJson;

/**
 * Reads frames (see {@link EncodedRecord}) one after another from a segment file, from a byte
 * offset on, with positional reads through a buffer: safe beside the writer and other readers.
 * After {@link #next} returned {@link Step#FRAME} the accessors describe that frame. One thread.
 */
final class FrameCursor {
  /** What {@link #next} found. */
  enum Step {
    /** A whole frame with a matching checksum. */
    FRAME,
    /** The file ends exactly here. */
    END,
    /**
     * A short, oversized or corrupt frame: a torn write if this is the tail of the last segment.
     */
    TORN
  }

  private final FileChannel channel;
  private ByteBuffer buffer = ByteBuffer.allocate(16 << 10).flip();
  private long readOffset;
  private long frameOffset;
  private int bodyStart;
  private int bodyLength;

  FrameCursor(FileChannel channel, long offset) {
    this.channel = channel;
    this.readOffset = offset;
    this.frameOffset = offset;
  }

  /** The byte offset of the next unread frame (after a FRAME: the end of that frame). */
  long offset() {
    return readOffset - buffer.remaining();
  }

  /** The byte offset where the current frame starts. */
  long frameOffset() {
    return frameOffset;
  }

  Step next() throws IOException {
    frameOffset = offset();
    if (!fill(EncodedRecord.HEADER_BYTES)) {
      return buffer.hasRemaining() ? Step.TORN : Step.END;
    }
    int at = buffer.position();
    int length = buffer.getInt(at);
    int crc = buffer.getInt(at + 4);
    if (length < EncodedRecord.MIN_BODY_BYTES || length > EncodedRecord.MAX_BODY_BYTES) {
      return Step.TORN;
    }
    if (!fill(EncodedRecord.HEADER_BYTES + length)) {
      return Step.TORN;
    }
    at = buffer.position();
    CRC32C check = new CRC32C();
    check.update(buffer.array(), at + EncodedRecord.HEADER_BYTES, length);
    if ((int) check.getValue() != crc) {
      return Step.TORN;
    }
    bodyStart = at + EncodedRecord.HEADER_BYTES;
    bodyLength = length;
    if (isTombstone()
        ? length != EncodedRecord.TOMBSTONE_BODY_BYTES
        : EncodedRecord.BODY_PREFIX_BYTES + idLength() > length) {
      return Step.TORN;
    }
    buffer.position(at + EncodedRecord.HEADER_BYTES + length);
    return Step.FRAME;
  }

  long appendedAtMillis() {
    return buffer.getLong(bodyStart);
  }

  /** Whether the current frame is an erased event's tombstone (no event, only the id's hash). */
  boolean isTombstone() {
    return idLength() == EncodedRecord.TOMBSTONE_MARK;
  }

  /** A copy of the whole current frame, header included. */
  byte[] frameBytes() {
    int start = bodyStart - EncodedRecord.HEADER_BYTES;
    return Arrays.copyOfRange(buffer.array(), start, bodyStart + bodyLength);
  }

  MessageIdHash messageIdHash() {
    if (isTombstone()) {
      int at = bodyStart + EncodedRecord.BODY_PREFIX_BYTES;
      return new MessageIdHash(buffer.getLong(at), buffer.getLong(at + 8));
    }
    return MessageIdHash.of(
        buffer.array(), bodyStart + EncodedRecord.BODY_PREFIX_BYTES, idLength());
  }

  /** The current frame's event; never call it on a tombstone. */
  Event event() {
    if (isTombstone()) {
      throw new IllegalStateException("the frame at byte " + frameOffset + " was erased");
    }
    int jsonStart = bodyStart + EncodedRecord.BODY_PREFIX_BYTES + idLength();
    int jsonLength = bodyLength - EncodedRecord.BODY_PREFIX_BYTES - idLength();
    try {
      return EventJson.read(buffer.array(), jsonStart, jsonLength);
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      throw new EventLogException(
          "the event stored at byte " + frameOffset + " cannot be decoded: " + e.getMessage(), e);
    }
  }

  private int idLength() {
    return Short.toUnsignedInt(buffer.getShort(bodyStart + 8));
  }

  /** Makes at least {@code n} bytes readable; false at the end of the file. */
  private boolean fill(int n) throws IOException {
    if (buffer.remaining() >= n) {
      return true;
    }
    if (buffer.capacity() < n) {
      ByteBuffer bigger = ByteBuffer.allocate(Math.max(n, buffer.capacity() * 2));
      bigger.put(buffer);
      buffer = bigger;
    } else {
      buffer.compact();
    }
    while (buffer.position() < n) {
      int read = channel.read(buffer, readOffset);
      if (read < 0) {
        break;
      }
      readOffset += read;
    }
    buffer.flip();
    return buffer.remaining() >= n;
  }
}
