package trailmap.analytics.hypotheses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trailmap.analytics.stats.Interval;

class JudgementTest {

  @ParameterizedTest(name = "[{0}, {1}] n={2} atLeast={3} atMost={4} -> {5}")
  @CsvSource(
      nullValues = "-",
      value = {
        "0.35, 0.45, 100, 0.3, -,   SUPPORTED",
        "0.25, 0.45, 100, 0.3, -,   NOT_ENOUGH_DATA",
        "0.10, 0.25, 100, 0.3, -,   REFUTED",
        "0.30, 0.45, 100, 0.3, -,   SUPPORTED",
        "2.0,  2.9,  40,  -,   3,   SUPPORTED",
        "3.5,  4.2,  40,  -,   3,   REFUTED",
        "2.5,  3.5,  40,  -,   3,   NOT_ENOUGH_DATA",
        "0.35, 0.45, 29,  0.3, -,   NOT_ENOUGH_DATA",
        "0.35, 0.45, 100, 0.3, 0.4, NOT_ENOUGH_DATA",
        "0.35, 0.45, 100, 0.3, 0.5, SUPPORTED",
        "0.55, 0.65, 100, 0.3, 0.5, REFUTED",
      })
  void supportsOnlyWhenTheWholeIntervalHoldsAndRefutesOnlyWhenItAllFails(
      double low, double high, long n, Double atLeast, Double atMost, Verdict verdict) {
    Interval measured = new Interval((low + high) / 2, low, high, n, "test");

    Judgement judgement =
        Judgement.of(measured, Optional.ofNullable(atLeast), Optional.ofNullable(atMost), 30);

    assertThat(judgement.verdict()).isEqualTo(verdict);
  }

  @ParameterizedTest
  @CsvSource({
    "29, 'n = 29, below the minimum of 30'",
    "30, 'the 95% interval [0.25, 0.45] reaches both sides of atLeast 0.3'"
  })
  void saysWhyInWords(long n, String reason) {
    Interval measured = new Interval(0.35, 0.25, 0.45, n, "test");

    assertThat(Judgement.of(measured, Optional.of(0.3), Optional.empty(), 30).reason())
        .isEqualTo(reason);
  }
}
