package trailmap.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {
  @ParameterizedTest
  @CsvSource({
    "30s, PT30S",
    "15m, PT15M",
    "1h, PT1H",
    "2d, PT48H",
    "1w, PT168H",
    "' 3 d ', PT72H",
    "PT12H, PT12H",
    "P30D, PT720H",
    "PT0.5S, PT0.5S"
  })
  void readsTheShortFormAndIso(String text, String iso) {
    assertThat(DurationText.parse(text)).contains(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "d", "2", "2x", "1.5d", "-2d", "2 days", "1234567890d", "P", "PTXH"})
  void rejectsWhatIsNeither(String text) {
    assertThat(DurationText.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT12H", "P30D"})
  void theShortFormAloneRejectsIso(String text) {
    assertThat(DurationText.parseShort(text)).isEmpty();
    assertThat(DurationText.parseShort(null)).isEmpty();
    assertThat(DurationText.parse(null)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "PT48H, 2d",
    "PT90M, 90m",
    "PT1H, 1h",
    "PT61S, 61s",
    "PT336H, 2w",
    "PT0.5S, PT0.5S",
    "PT0S, 0s"
  })
  void formatsTheShortestExactForm(String iso, String text) {
    assertThat(DurationText.format(Duration.parse(iso))).isEqualTo(text);
  }

  /** Whatever it writes, it reads back as the same duration. */
  @Property
  void formatReadsBack(@ForAll @LongRange(min = 0, max = 40_000_000_000_000L) long seconds) {
    Duration d = Duration.ofSeconds(seconds);
    assertThat(DurationText.parse(DurationText.format(d))).contains(d);
  }
}
