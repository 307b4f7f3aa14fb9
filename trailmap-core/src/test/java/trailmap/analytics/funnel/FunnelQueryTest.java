package trailmap.analytics.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FunnelQueryTest {
  private static final List<FunnelStep> AB = List.of(FunnelStep.event("A"), FunnelStep.event("B"));

  @ParameterizedTest
  @CsvSource({
    "30s,30",
    "90m,5400",
    "2h,7200",
    "14d,1209600",
    "2w,1209600",
    " 1d ,86400",
    "'14 d',1209600"
  })
  void windowParsesEachUnit(String text, long seconds) {
    assertThat(ConversionWindow.parse(text).duration()).isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @ValueSource(strings = {"14", "d", "14x", "1.5d", "-1d", "P14D", ""})
  void malformedWindowSaysWhichFormIsAccepted(String text) {
    assertThatThrownBy(() -> ConversionWindow.parse(text))
        .hasMessageContaining("is not a whole number followed by s, m, h, d or w");
  }

  @Test
  void zeroAndOverlongWindowsAreRejected() {
    assertThatThrownBy(() -> ConversionWindow.parse("0d")).hasMessageContaining("at least 1s");
    assertThatThrownBy(() -> ConversionWindow.parse("600w")).hasMessageContaining("3650d");
  }

  @Test
  void windowWritesItsShortestText() {
    assertThat(ConversionWindow.parse("14d").text()).isEqualTo("2w");
    assertThat(ConversionWindow.parse("90m").text()).isEqualTo("90m");
    assertThat(ConversionWindow.parse("61s").text()).isEqualTo("61s");
  }

  @Test
  void exclusionMustRunForwardBetweenTwoSteps() {
    assertThatThrownBy(() -> new Exclusion("X", EventMatcher.named("X"), 1, 1))
        .hasMessage(
            "exclusion 'X': fromStep (1) must be less than toStep (1); it applies between two steps");
    assertThatThrownBy(() -> new Exclusion("X", EventMatcher.named("X"), -1, 1))
        .hasMessageContaining("numbered from 0");
  }

  @Test
  void exclusionOutsideTheStepsIsRejected() {
    FunnelQuery.Builder builder =
        FunnelQuery.builder(AB).exclude(new Exclusion("X", EventMatcher.named("X"), 0, 2));

    assertThatThrownBy(builder::build)
        .hasMessage(
            "exclusion 'X': toStep 2 is outside the steps (0 to 1); steps are numbered from 0");
  }

  @Test
  void funnelNeedsAtLeastOneStep() {
    assertThatThrownBy(() -> FunnelQuery.builder(List.of()).build())
        .hasMessage("a funnel needs 1 to 30 steps, has 0");
  }

  @Test
  void rangeMustEndAfterItStarts() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertThatThrownBy(() -> TimeRange.between(t, t)).hasMessageContaining("must be before 'to'");
  }
}
