package trailmap.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import trailmap.events.Event;
import trailmap.events.json.EventJson;

/** The frame layout docs/event-log.md documents, byte for byte. */
class FrameFormatTest {

  @Test
  void framesAnEventAsLengthChecksumTimeIdAndEventJson() {
    Event event = TestEvents.event("msg-ü");
    byte[] frame = EncodedRecord.of(event, 1_790_000_000_123L).frame();
    ByteBuffer b = ByteBuffer.wrap(frame);
    byte[] id = "msg-ü".getBytes(StandardCharsets.UTF_8);
    byte[] json = EventJson.write(event).getBytes(StandardCharsets.UTF_8);

    int bodyLength = b.getInt(0);
    assertThat(bodyLength).isEqualTo(frame.length - 8).isEqualTo(8 + 2 + id.length + json.length);
    CRC32C crc = new CRC32C();
    crc.update(frame, 8, bodyLength);
    assertThat(b.getInt(4)).isEqualTo((int) crc.getValue());
    assertThat(b.getLong(8)).isEqualTo(1_790_000_000_123L);
    assertThat(Short.toUnsignedInt(b.getShort(16))).isEqualTo(id.length);
    assertThat(Arrays.copyOfRange(frame, 18, 18 + id.length)).isEqualTo(id);
    assertThat(new String(frame, 18 + id.length, json.length, StandardCharsets.UTF_8))
        .isEqualTo(EventJson.write(event));
  }
}
