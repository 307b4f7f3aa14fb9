package trailmap.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-03-13T10:21:14Z          | 2024-03-13T10:21:14Z",
        "2024-03-13T10:21:14.250+01:00 | 2024-03-13T09:21:14.250Z",
        "2024-03-13T10:21:14           | 2024-03-13T10:21:14Z",
        "2024-03-13 10:21:14           | 2024-03-13T10:21:14Z",
        "2024-03-13                    | 2024-03-13T00:00:00Z",
        "1710325274                    | 2024-03-13T10:21:14Z",
        "1710325274.5                  | 2024-03-13T10:21:14.500Z",
        "1710325274123                 | 2024-03-13T10:21:14.123Z",
        "0                             | 1970-01-01T00:00:00Z",
      })
  void readsIsoTimesAndEpochSecondsOrMillis(String text, String expected) {
    assertThat(Timestamps.parse(text)).contains(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"", "yesterday", "2024-13-45", "13/03/2024", "1e400", "99999999999999999999999"})
  void rejectsTextThatIsNoTime(String text) {
    assertThat(Timestamps.parse(text)).isEmpty();
  }
}
