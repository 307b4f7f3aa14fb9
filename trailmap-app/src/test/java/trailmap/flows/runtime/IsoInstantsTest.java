package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The fast reading of flow states' instants gives what {@link Instant#parse} gives, or its error.
 */
class IsoInstantsTest {

  @Property(tries = 2000)
  void readsEveryInstantAsWrittenAsInstantParseDoes(@ForAll("instants") Instant instant) {
    String text = instant.toString();
    assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
  }

  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Long> seconds =
        Arbitraries.longs()
            .between(
                Instant.parse("1970-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(
            Arbitraries.just(0),
            Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
            Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
            Arbitraries.integers().between(0, 999_999_999));
    return net.jqwik.api.Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  @Test
  void otherFormsAndDamagedTextGoToInstantParse() {
    assertThat(IsoInstants.parse("2026-12-01T17:18:53+01:00"))
        .isEqualTo(Instant.parse("2026-12-01T16:18:53Z"));
    assertThat(IsoInstants.parse("2026-12-01T17:18:53.5Z"))
        .isEqualTo(Instant.parse("2026-12-01T17:18:53.500Z"));
    for (String odd :
        new String[] {"2026-12-01T24:00:00Z", "2026-12-31T23:59:60Z", "2026-12-01T17:18:53.Z"}) {
      assertThat(IsoInstants.parse(odd)).as(odd).isEqualTo(Instant.parse(odd));
    }
    for (String bad :
        new String[] {
          "2026-02-30T00:00:00Z",
          "2026-13-01T00:00:00Z",
          "2026-12-01T17:18:5xZ",
          "2026-12-01 17:18:53Z"
        }) {
      assertThatThrownBy(() -> IsoInstants.parse(bad))
          .as(bad)
          .isInstanceOf(DateTimeException.class);
    }
  }
}
