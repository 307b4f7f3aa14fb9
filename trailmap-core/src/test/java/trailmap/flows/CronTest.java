package trailmap.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 9 * * *      | 2025-03-10T08:00 | 2025-03-10T09:00",
        "0 9 * * *      | 2025-03-10T09:00 | 2025-03-11T09:00",
        "*/15 * * * *   | 2025-03-10T08:07 | 2025-03-10T08:15",
        "0 9 * * mon-fri| 2025-03-14T10:00 | 2025-03-17T09:00",
        "30 8 1 * *     | 2025-03-10T08:00 | 2025-04-01T08:30",
        "0 0 29 feb *   | 2025-03-01T00:00 | 2028-02-29T00:00",
        "0 12 * * 7     | 2025-03-10T00:00 | 2025-03-16T12:00",
        "0 9 13 * fri   | 2025-03-10T00:00 | 2025-03-13T09:00",
      })
  void firesAtTheNextMatchingLocalTime(String cron, String after, String expected) {
    ZonedDateTime from = java.time.LocalDateTime.parse(after).atZone(BERLIN);
    assertThat(Cron.parse(cron).next(from).toLocalDateTime().toString()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 9 * *          | has 4 fields; write 5",
        "60 9 * * *       | minute 60 is out of range 0-59",
        "0 9 * * funday   | day-of-week 'funday' is not a number or a name",
        "0 17-9 * * *     | hour range '17-9' runs backwards",
        "0 0 30 feb *     | never fires: none of its months has day 30",
      })
  void explainsWhatIsWrong(String cron, String message) {
    assertThatThrownBy(() -> Cron.parse(cron)).hasMessageContaining(message);
  }

  @org.junit.jupiter.api.Test
  void aTimeSkippedBySpringForwardFiresRightAfterTheJump() {
    ZonedDateTime before = ZonedDateTime.of(2025, 3, 30, 1, 0, 0, 0, BERLIN);
    ZonedDateTime next = Cron.parse("30 2 * * *").next(before);
    assertThat(next.toLocalDateTime().toString()).isEqualTo("2025-03-30T03:30");
  }

  @org.junit.jupiter.api.Test
  void aTimeRepeatedByFallBackFiresOnce() {
    Cron cron = Cron.parse("30 2 * * *");
    ZonedDateTime first = cron.next(ZonedDateTime.of(2025, 10, 26, 0, 0, 0, 0, BERLIN));
    ZonedDateTime second = cron.next(first);
    assertThat(first.getOffset().getTotalSeconds()).isEqualTo(7200);
    assertThat(second.toLocalDate().toString()).isEqualTo("2025-10-27");
  }
}
