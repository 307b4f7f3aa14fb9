package trailmap.analytics.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.analytics.JourneyLogs.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.JourneyMaps;
import trailmap.analytics.LoggedEvent;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;
import trailmap.maps.JourneyMap;

class ConformanceTest {
  private static final JourneyMap MAP =
      JourneyMaps.map(
          "saas",
          "awareness: ad=Ad Clicked",
          "consideration: pricing=Viewed Pricing, demo=Booked Demo",
          "purchase: trial=Started Trial",
          "retention: paid=Paid");

  @Test
  void aJourneyInMapOrderConforms() {
    ConformanceFound found =
        check(journey("a", "Ad Clicked", "Viewed Pricing", "Viewed Pricing", "Started Trial"));

    assertThat(found.profiles()).isEqualTo(1);
    assertThat(found.share()).isEqualTo(1.0);
    assertThat(found.deviations()).isEmpty();
  }

  @Test
  void aJourneyMayBeginAndEndAtAnyStage() {
    assertThat(check(journey("a", "Viewed Pricing", "Started Trial")).share()).isEqualTo(1.0);
  }

  @Test
  void skippedStageIsADeviation() {
    ConformanceFound found = check(journey("a", "Ad Clicked", "Started Trial", "Paid"));

    assertThat(found.conforming()).isZero();
    assertThat(found.deviations())
        .containsExactly(
            new DeviationCount(
                new Deviation.SkippedStage("awareness", "purchase", List.of("consideration")), 1));
    assertThat(found.deviations().getFirst().deviation().describe())
        .isEqualTo("went from awareness to purchase without consideration");
  }

  @Test
  void backwardMoveIsADeviation() {
    ConformanceFound found = check(journey("a", "Started Trial", "Viewed Pricing"));

    assertThat(found.deviations())
        .containsExactly(
            new DeviationCount(new Deviation.BackwardMove("purchase", "consideration"), 1));
  }

  @Test
  void jumpingPastAStageReachedBeforeIsNoSkip() {
    ConformanceFound found =
        check(journey("a", "Ad Clicked", "Viewed Pricing", "Ad Clicked", "Started Trial"));

    assertThat(found.deviations())
        .containsExactly(
            new DeviationCount(new Deviation.BackwardMove("consideration", "awareness"), 1));
  }

  @Test
  void anEventNotOnTheMapIsADeviationNamedByTheEvent() {
    List<LoggedEvent> log = new ArrayList<>(journey("a", "Ad Clicked", "Newsletter Opened"));
    log.addAll(journey("b", "Newsletter Opened", "Newsletter Opened"));
    log.add(new LoggedEvent("c", 0, "", EventType.IDENTIFY, "web", JsonValue.Obj.EMPTY));
    log.add(track("c", 1, "Ad Clicked"));

    ConformanceFound found = check(log);

    assertThat(found.profiles()).isEqualTo(3);
    assertThat(found.conforming()).isEqualTo(1);
    assertThat(found.deviations())
        .containsExactly(new DeviationCount(new Deviation.NotOnMap("Newsletter Opened"), 2));
    assertThat(found.byKind()).isEqualTo(Map.of("not-on-map", 2L));
  }

  @Test
  void ignoredEventsAreNoSteps() {
    ConformanceFound found =
        Conformance.of(
            JourneyLogs.table(journey("a", "Ad Clicked", "Heartbeat")),
            MAP,
            new ConformanceRules(Long.MIN_VALUE, Long.MAX_VALUE, false, Set.of("Heartbeat")));

    assertThat(found.share()).isEqualTo(1.0);
  }

  @Test
  void touchpointOrderIsCheckedOnlyWhenAskedFor() {
    List<LoggedEvent> log = journey("a", "Booked Demo", "Viewed Pricing");
    ConformanceRules strict = new ConformanceRules(Long.MIN_VALUE, Long.MAX_VALUE, true, Set.of());

    assertThat(check(log).share()).isEqualTo(1.0);
    assertThat(Conformance.of(JourneyLogs.table(log), MAP, strict).deviations())
        .containsExactly(
            new DeviationCount(
                new Deviation.BackwardTouchpoint("consideration", "demo", "pricing"), 1));
  }

  @Test
  void deviationsSortedByCount() {
    List<LoggedEvent> log = new ArrayList<>(journey("a", "Started Trial", "Ad Clicked"));
    log.addAll(journey("b", "Paid", "Ad Clicked"));
    log.addAll(journey("c", "Paid", "Ad Clicked", "Newsletter Opened"));

    ConformanceFound found = check(log);

    assertThat(found.top(2))
        .containsExactly(
            new DeviationCount(new Deviation.BackwardMove("retention", "awareness"), 2),
            new DeviationCount(new Deviation.BackwardMove("purchase", "awareness"), 1));
    assertThat(found.byKind()).containsEntry("backward-move", 3L);
  }

  private static ConformanceFound check(List<LoggedEvent> log) {
    return Conformance.of(JourneyLogs.table(log), MAP, ConformanceRules.DEFAULT);
  }

  private static List<LoggedEvent> journey(String profile, String... names) {
    List<LoggedEvent> events = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      events.add(track(profile, i, names[i]));
    }
    return events;
  }
}
