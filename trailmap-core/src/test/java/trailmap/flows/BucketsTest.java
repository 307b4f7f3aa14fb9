package trailmap.flows;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Outbox ids must never change between versions: a decision replayed after an upgrade has to find
 * the row it queued before (and a provider the idempotency key it saw).
 */
class BucketsTest {
  @Property
  void anIdIsTheSame32HexDigitsAsTheFormattedOne(
      @ForAll String flow, @ForAll String profile, @ForAll String step) {
    String[] parts = {flow, profile, step};
    String formatted =
        "%016x%016x"
            .formatted(Buckets.hash(0x5eed_0001L, parts), Buckets.hash(0x5eed_0002L, parts));

    assertThat(Buckets.id(parts)).isEqualTo(formatted).hasSize(32).matches("[0-9a-f]{32}");
  }

  @Test
  void anIdStaysWhatThisVersionGives() {
    assertThat(Buckets.id("welcome", "p-1", "tips")).isEqualTo(GOLDEN);
  }

  /** {@code Buckets.id("welcome", "p-1", "tips")} as every release so far has given it. */
  private static final String GOLDEN = "19a6532ac24cddaf64973b7827121ad9";
}
