package trailmap.eventlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import trailmap.events.Event;
import trailmap.events.json.EventEncoder;
import trailmap.events.json.EventJson;

/**
 * One event framed for a segment file, encoded by the appending thread so the writer only copies.
 *
 * <p>Frame: {@code int bodyLength, int crc32c(body), body}; body: {@code long appendedAtMillis,
 * unsigned short idLength, messageId (UTF-8), EventJson (UTF-8)}. Big-endian. The messageId and
 * append time sit before the JSON so recovery rebuilds the dedup set without parsing JSON.
 *
 * <p>An erased event's frame is a tombstone: body {@code long appendedAtMillis, unsigned short
 * 0xFFFF, long hashHigh, long hashLow}: the time and the messageId's 128-bit hash, no id and no
 * event, so its position stays taken and the dedup set still knows the id. A real messageId is at
 * most 255 characters (765 bytes), so 0xFFFF never is one's length.
 */
record EncodedRecord(byte[] frame, MessageIdHash id, long appendedAtMillis) {
  static final int HEADER_BYTES = 8;
  static final int BODY_PREFIX_BYTES = 10;

  /** The largest body accepted: far above the 32 KB ingestion limit, small enough to buffer. */
  static final int MAX_BODY_BYTES = 16 << 20;

  /** A body holds at least the prefix, a one-byte id and "{}". */
  static final int MIN_BODY_BYTES = BODY_PREFIX_BYTES + 1 + 2;

  /** The id-length value that marks a tombstone. */
  static final int TOMBSTONE_MARK = 0xFFFF;

  /** A tombstone's body: prefix and the two longs of the hash. */
  static final int TOMBSTONE_BODY_BYTES = BODY_PREFIX_BYTES + 16;

  /** The frame that replaces an erased event's: its append time and its messageId's hash. */
  static byte[] tombstone(MessageIdHash id, long appendedAtMillis) {
    ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + TOMBSTONE_BODY_BYTES);
    frame.putInt(TOMBSTONE_BODY_BYTES).putInt(0);
    frame.putLong(appendedAtMillis).putShort((short) TOMBSTONE_MARK);
    frame.putLong(id.high()).putLong(id.low());
    CRC32C crc = new CRC32C();
    crc.update(frame.array(), HEADER_BYTES, TOMBSTONE_BODY_BYTES);
    frame.putInt(4, (int) crc.getValue());
    return frame.array();
  }

  /** Frames one event with an encoder of its own. */
  static EncodedRecord of(Event event, long appendedAtMillis) {
    try (EventEncoder encoder = EventJson.encoder()) {
      return of(event, appendedAtMillis, encoder);
    }
  }

  /**
   * Frames one event.
   *
   * @param encoder writes EventJson's form straight to UTF-8 bytes (no intermediate String); one
   *     encoder serves a whole batch
   */
  static EncodedRecord of(Event event, long appendedAtMillis, EventEncoder encoder) {
    byte[] id = event.messageId().getBytes(StandardCharsets.UTF_8);
    byte[] json = encoder.bytes(event);
    long bodyLength = (long) BODY_PREFIX_BYTES + id.length + json.length;
    if (bodyLength > MAX_BODY_BYTES) {
      throw new IllegalArgumentException(
          "event "
              + event.messageId()
              + " is "
              + bodyLength
              + " bytes when stored, over the event log's limit of "
              + MAX_BODY_BYTES
              + " bytes per event");
    }
    ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + (int) bodyLength);
    frame.putInt((int) bodyLength).putInt(0);
    frame.putLong(appendedAtMillis).putShort((short) id.length).put(id).put(json);
    CRC32C crc = new CRC32C();
    crc.update(frame.array(), HEADER_BYTES, (int) bodyLength);
    frame.putInt(4, (int) crc.getValue());
    return new EncodedRecord(frame.array(), MessageIdHash.of(id, 0, id.length), appendedAtMillis);
  }
}
