package trailmap.analytics.friction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import trailmap.analytics.EventFilter;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.JourneyMaps;
import trailmap.analytics.LoggedEvent;
import trailmap.analytics.surveys.SurveyFields;
import trailmap.maps.EventType;
import trailmap.maps.Hypothesis;
import trailmap.maps.HypothesisMetric;
import trailmap.maps.JourneyMap;
import trailmap.maps.Kpi;
import trailmap.maps.Matcher;
import trailmap.maps.PainPoint;
import trailmap.maps.Severity;
import trailmap.maps.Touchpoint;

class FrictionTest {
  private static final FrictionRules RULES =
      new FrictionRules(
          "issue", 7L * 86_400_000_000L, Set.of(), 2.0, 1, 4, 0.7, 0, FrictionRules.NEGATIVE_WORDS);

  @Test
  void ignoresADropOffClaimCarriedByTheTouchpointButMeasuredAtAnother() {
    // Pricing carries a claim about trial; its own expectation is its KPI (20%), so the half who
    // stop after pricing are friction.
    JourneyMap map =
        map(
            pricing(
                List.of(claim(Optional.of("trial"), 0.9)),
                List.of(
                    new Kpi(
                        "k",
                        "drop",
                        "drop-off",
                        Optional.of(20.0),
                        "%",
                        Optional.empty(),
                        Kpi.Direction.LOWER))),
            trial(List.of()));

    List<FrictionItem> items = friction(halfGoOn(), map);

    assertThat(items).hasSize(1);
    Evidence.DropOff dropOff = (Evidence.DropOff) items.getFirst().evidence();
    assertThat(dropOff.expected()).isEqualTo(0.2);
    assertThat(dropOff.expectedFrom()).isEqualTo("kpi");
  }

  @Test
  void takesTheDropOffExpectationFromAClaimCarriedElsewhereButMeasuredAtTheTouchpoint() {
    JourneyMap map =
        map(pricing(List.of(), List.of()), trial(List.of(claim(Optional.of("pricing"), 0.1))));

    List<FrictionItem> items = friction(halfGoOn(), map);

    assertThat(items).hasSize(1);
    Evidence.DropOff dropOff = (Evidence.DropOff) items.getFirst().evidence();
    assertThat(dropOff.expected()).isEqualTo(0.1);
    assertThat(dropOff.expectedFrom()).isEqualTo("hypothesis");
  }

  @Test
  void flagsNoLongWaitWhenNoGapIsAboveTheThreshold() {
    // Gaps 1, 1, 1 (a to b) and 2, 2 (c to d): the median is 1, the threshold 2 × 1 = 2, and c to
    // d's p90 is exactly 2 with no gap above it.
    JourneyMap map = JourneyMaps.map("m", "one: a=A, b=B", "two: c=C, d=D");
    List<LoggedEvent> log = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      log.add(JourneyLogs.track("ab" + p, 0, "A"));
      log.add(JourneyLogs.track("ab" + p, 1, "B"));
    }
    for (int p = 0; p < 2; p++) {
      log.add(JourneyLogs.track("cd" + p, 0, "C"));
      log.add(JourneyLogs.track("cd" + p, 2, "D"));
    }

    assertThat(friction(log, map)).noneMatch(i -> i.evidence() instanceof Evidence.LongWait);
  }

  private static List<FrictionItem> friction(List<LoggedEvent> log, JourneyMap map) {
    return Friction.of(JourneyLogs.table(log), map, SurveyFields.DEFAULT, RULES, EventFilter.ALL);
  }

  /** Ten profiles view pricing, five of them start a trial a minute later. */
  private static List<LoggedEvent> halfGoOn() {
    List<LoggedEvent> log = new ArrayList<>();
    for (int p = 0; p < 10; p++) {
      log.add(JourneyLogs.track("p" + p, 0, "Viewed Pricing"));
      if (p % 2 == 0) {
        log.add(JourneyLogs.track("p" + p, 60, "Started Trial"));
      }
    }
    return log;
  }

  private static PainPoint claim(Optional<String> at, double atMost) {
    return new PainPoint(
        "people leave",
        Severity.HIGH,
        List.of(),
        Optional.of(
            new Hypothesis(
                "few leave",
                HypothesisMetric.DROP_OFF,
                at,
                Optional.empty(),
                Optional.empty(),
                Optional.of(atMost))));
  }

  private static Touchpoint pricing(List<PainPoint> pains, List<Kpi> kpis) {
    return touchpoint("pricing", "Viewed Pricing", pains, kpis);
  }

  private static Touchpoint trial(List<PainPoint> pains) {
    return touchpoint("trial", "Started Trial", pains, List.of());
  }

  private static Touchpoint touchpoint(
      String id, String event, List<PainPoint> pains, List<Kpi> kpis) {
    Matcher matcher =
        new Matcher(Optional.of(event), Optional.of(EventType.TRACK), Optional.empty(), List.of());
    return new Touchpoint(
        id,
        id,
        "web",
        Optional.of(matcher),
        List.of(),
        List.of(),
        List.of(),
        pains,
        List.of(),
        kpis,
        List.of());
  }

  private static JourneyMap map(Touchpoint first, Touchpoint second) {
    return JourneyMaps.map(
        "m",
        List.of(
            JourneyMaps.stage("look", List.of(first)), JourneyMaps.stage("try", List.of(second))));
  }
}
