package trailmap.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DedupSetTest {

  @Test
  void hashesMessageIdsWithMurmur3x64128() {
    // Reference values from Guava's Hashing.murmur3_128() (h1, h2 as little-endian longs).
    assertThat(hash("hello"))
        .isEqualTo(new MessageIdHash(0xcbd8a7b341bd9b02L, 0x5b1e906a48ae1d19L));
    assertThat(hash("msg-2026-11-20-abcdefghijklmnopqrstuvwxyz"))
        .isEqualTo(new MessageIdHash(0x634b4cdef4e7aa84L, 0x967eeb797d62cdc3L));
  }

  @Test
  void neverHashesToTheEmptySlotMarker() {
    assertThat(hash("")).isNotEqualTo(new MessageIdHash(0, 0));
  }

  @Test
  void remembersEveryAddedHashThroughGrowthAndNothingElse() {
    HashPairSet set = new HashPairSet();
    Set<MessageIdHash> added = new HashSet<>();
    int refused = 0;
    for (int i = 0; i < 100_000; i++) {
      MessageIdHash h = hash("id-" + i);
      refused += set.add(h) ? 0 : 1;
      added.add(h);
    }
    assertThat(refused).isZero();
    assertThat(added).hasSize(100_000); // no collision among 100k distinct ids
    assertThat(set.size()).isEqualTo(100_000);
    for (int i = 0; i < 100_000; i += 997) {
      assertThat(set.contains(hash("id-" + i))).isTrue();
      assertThat(set.add(hash("id-" + i))).isFalse();
      assertThat(set.contains(hash("other-" + i))).isFalse();
    }
  }

  @Test
  void forgetsWholeDaysOnceTheyLeaveTheWindow() {
    DedupIndex index = new DedupIndex(Duration.ofDays(7));
    long day0 = Instant.parse("2026-11-01T01:00:00Z").toEpochMilli();
    index.expire(day0);
    assertThat(index.addIfAbsent(hash("a"), day0)).isTrue();
    assertThat(index.addIfAbsent(hash("a"), day0)).isFalse();

    index.expire(
        day0 + Duration.ofDays(7).plusHours(1).toMillis()); // its day is still in the window
    assertThat(index.addIfAbsent(hash("a"), day0)).isFalse();

    index.expire(day0 + Duration.ofDays(8).plusHours(1).toMillis());
    assertThat(index.size()).isZero();
    assertThat(index.addIfAbsent(hash("a"), day0)).isTrue();
  }

  private static MessageIdHash hash(String id) {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    return MessageIdHash.of(bytes, 0, bytes.length);
  }
}
