package trailmap.events.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

  /** What the JDK says, which the fast path must always agree with. */
  private static Optional<Instant> jdk(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Property(tries = 2000)
  void agreesWithTheJdkOnValidDateTimes(@ForAll("dateTimes") String text) {
    assertThat(IsoInstants.parse(text)).isEqualTo(jdk(text));
  }

  @Property(tries = 3000)
  void agreesWithTheJdkWhenACharacterIsChanged(
      @ForAll("dateTimes") String text,
      @ForAll("positions") int position,
      @ForAll("characters") char replacement) {
    char[] chars = text.toCharArray();
    chars[position % chars.length] = replacement;
    String mutated = new String(chars);
    assertThat(IsoInstants.parse(mutated)).as(mutated).isEqualTo(jdk(mutated));
  }

  @Test
  void readsTheShapesClientsSend() {
    assertThat(IsoInstants.parse("2026-11-23T18:00:00Z"))
        .contains(Instant.parse("2026-11-23T18:00:00Z"));
    assertThat(IsoInstants.parse("2026-11-23T18:00:00.123456789+01:30"))
        .contains(Instant.parse("2026-11-23T16:30:00.123456789Z"));
    assertThat(IsoInstants.parse("2026-02-29T00:00:00Z")).isEmpty(); // not a leap year
    assertThat(IsoInstants.parse("2026-11-23T18:00Z")).isPresent(); // the JDK's path
    assertThat(IsoInstants.parse("yesterday")).isEmpty();
    assertThat(IsoInstants.parse("2026-11-23T18:00:00")).isEmpty(); // no offset
  }

  @Provide
  Arbitrary<String> dateTimes() {
    Arbitrary<Long> seconds = Arbitraries.longs().between(-30_000_000_000L, 250_000_000_000L);
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(
            Arbitraries.just(0),
            Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000),
            Arbitraries.integers().between(0, 999_999_999));
    Arbitrary<Integer> offsets =
        Arbitraries.oneOf(
            Arbitraries.just(0), Arbitraries.integers().between(-18 * 4, 18 * 4).map(q -> q * 900));
    return Combinators.combine(seconds, nanos, offsets)
        .as(
            (s, n, o) ->
                OffsetDateTime.ofInstant(Instant.ofEpochSecond(s, n), ZoneOffset.ofTotalSeconds(o))
                    .toString());
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 40);
  }

  @Provide
  Arbitrary<Character> characters() {
    return Arbitraries.of('0', '1', '3', '9', ':', '-', '+', 'T', 'Z', '.', ' ', 'x', 'z');
  }
}
