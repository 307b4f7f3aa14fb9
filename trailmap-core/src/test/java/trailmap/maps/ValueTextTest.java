package trailmap.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text form of values inside a diff. */
class ValueTextTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"25.0, 25", "0.8, 0.8", "-3.50, -3.5", "1e20, 100000000000000000000", "0.1, 0.1"})
  void writesNumbersWithoutATrailingZeroOrAnExponent(double value, String text) {
    assertThat(ValueText.number(value)).isEqualTo(text);
  }

  @Test
  void writesEveryPartOfAMatcher() {
    Matcher matcher =
        new Matcher(
            Optional.of("Ad Clicked"),
            Optional.of(EventType.TRACK),
            Optional.of("ads"),
            List.of(
                new PropertyCondition("campaign", Operator.EQ, List.of(new Scalar.Text("spring"))),
                new PropertyCondition("budget", Operator.GTE, List.of(new Scalar.Number(100))),
                new PropertyCondition(
                    "plan", Operator.IN, List.of(new Scalar.Text("pro"), new Scalar.Text("team"))),
                new PropertyCondition("trial", Operator.EXISTS, List.of()),
                new PropertyCondition("paid", Operator.NE, List.of(new Scalar.Bool(true)))));

    assertThat(ValueText.matcher(matcher))
        .isEqualTo(
            "event 'Ad Clicked', type track, channel ads, where campaign eq 'spring' and budget"
                + " gte 100 and plan in ['pro', 'team'] and trial exists and paid ne true");
  }

  @Test
  void writesAHypothesisWithItsThresholds() {
    Hypothesis hypothesis =
        new Hypothesis(
            "CES is low",
            HypothesisMetric.CES,
            Optional.of("support"),
            Optional.empty(),
            Optional.empty(),
            Optional.of(3.0));

    assertThat(ValueText.hypothesis(hypothesis))
        .isEqualTo("'CES is low' (ces at support, at most 3)");
  }
}
