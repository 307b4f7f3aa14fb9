package trailmap.analytics.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import trailmap.analytics.EventTable;
import trailmap.maps.Operator;
import trailmap.maps.PropertyCondition;
import trailmap.maps.Scalar;

class FunnelEngineTest {
  private static final List<FunnelStep> ABC =
      List.of(FunnelStep.event("A"), FunnelStep.event("B"), FunnelStep.event("C"));

  private static List<Long> counts(FunnelResult result) {
    return result.steps().stream().map(StepResult::count).toList();
  }

  private static FunnelResult run(EventTable table, FunnelQuery.Builder query) {
    return FunnelEngine.run(query.build(), table);
  }

  @Test
  void countsEachProfileOnceAtItsFurthestStep() {
    EventTable table =
        Log.of()
            .at("p", 0, "A")
            .at("p", 1, "B")
            .at("p", 10, "A")
            .at("p", 11, "B")
            .at("p", 12, "C")
            .at("q", 0, "A")
            .table();

    FunnelResult result = run(table, FunnelQuery.builder(ABC));

    assertThat(counts(result)).containsExactly(2L, 1L, 1L);
    assertThat(result.attempts()).isEqualTo(3);
  }

  @Test
  void reportsConversionAndDropOffPerStep() {
    EventTable table =
        Log.of()
            .at("p", 0, "A")
            .at("p", 1, "B")
            .at("p", 2, "C")
            .at("q", 0, "A")
            .at("q", 1, "B")
            .at("r", 0, "A")
            .at("s", 0, "A")
            .table();

    List<StepResult> steps = run(table, FunnelQuery.builder(ABC)).steps();

    assertThat(steps.get(1).conversionFromFirst()).isEqualTo(0.5);
    assertThat(steps.get(2).conversionFromFirst()).isEqualTo(0.25);
    assertThat(steps.get(2).conversionFromPrevious()).isEqualTo(0.5);
    assertThat(steps.get(0).dropOff()).isZero();
    assertThat(steps.get(1).dropOff()).isEqualTo(2);
  }

  @Test
  void sameTimestampEventsMaySatisfyConsecutiveSteps() {
    EventTable table = Log.of().at("p", 5, "A").at("p", 5, "B").at("p", 5, "C").table();

    assertThat(counts(run(table, FunnelQuery.builder(ABC)))).containsExactly(1L, 1L, 1L);
  }

  @Test
  void eventsWithEqualTimesCountInArrivalOrder() {
    EventTable table = Log.of().at("p", 5, "B").at("p", 5, "A").table();

    FunnelResult result =
        run(table, FunnelQuery.builder(List.of(FunnelStep.event("A"), FunnelStep.event("B"))));

    assertThat(counts(result)).containsExactly(1L, 0L);
  }

  @Test
  void oneEventSatisfiesAtMostOneStep() {
    EventTable table = Log.of().at("p", 0, "A").at("p", 1, "B").table();
    List<FunnelStep> steps =
        List.of(FunnelStep.event("A"), FunnelStep.event("B"), FunnelStep.event("B"));

    assertThat(counts(run(table, FunnelQuery.builder(steps)))).containsExactly(1L, 1L, 0L);
    assertThat(counts(run(table, FunnelQuery.builder(steps).order(FunnelOrder.UNORDERED))))
        .containsExactly(1L, 1L, 0L);
  }

  @Test
  void orderedAllowsOtherEventsBetweenSteps() {
    EventTable table = Log.of().at("p", 0, "A").at("p", 1, "X").at("p", 2, "B").table();
    List<FunnelStep> steps = List.of(FunnelStep.event("A"), FunnelStep.event("B"));

    assertThat(counts(run(table, FunnelQuery.builder(steps)))).containsExactly(1L, 1L);
  }

  @Test
  void strictOrderFailsWhenAnotherEventComesBetween() {
    EventTable table =
        Log.of()
            .at("p", 0, "A")
            .at("p", 1, "X")
            .at("p", 2, "B")
            .at("q", 0, "A")
            .at("q", 1, "B")
            .table();
    List<FunnelStep> steps = List.of(FunnelStep.event("A"), FunnelStep.event("B"));

    assertThat(counts(run(table, FunnelQuery.builder(steps).order(FunnelOrder.STRICT))))
        .containsExactly(2L, 1L);
  }

  @Test
  void strictOrderIgnoresEventsTheFilterRemoves() {
    EventTable table = Log.of().at("p", 0, "A").on("p", 1, "X", "email").at("p", 2, "B").table();
    List<FunnelStep> steps = List.of(FunnelStep.event("A"), FunnelStep.event("B"));

    FunnelResult result =
        run(
            table,
            FunnelQuery.builder(steps)
                .order(FunnelOrder.STRICT)
                .eventFilter(new EventFilter(Set.of("web"), Set.of(), List.of())));

    assertThat(counts(result)).containsExactly(1L, 1L);
  }

  @Test
  void unorderedTakesLaterStepsInAnyOrderAfterTheEntry() {
    EventTable table =
        Log.of()
            .at("p", 0, "A")
            .at("p", 1, "C")
            .at("p", 2, "B")
            .at("q", 0, "C")
            .at("q", 1, "A")
            .at("q", 2, "B")
            .table();

    FunnelResult result = run(table, FunnelQuery.builder(ABC).order(FunnelOrder.UNORDERED));

    assertThat(counts(result)).containsExactly(2L, 2L, 1L);
    // p reached B and C at once when B arrived (minute 2)
    assertThat(result.steps().get(2).averageSecondsToConvert()).hasValue(120.0);
  }

  @Test
  void unorderedFindsTheAssignmentThatReachesFurthest() {
    // "Viewed" matches step 1 and step 2; "Viewed pricing" only step 1: greedy would give the
    // first event to step 1 and then miss step 2.
    PropertyCondition pricing =
        new PropertyCondition("path", Operator.EQ, List.of(new Scalar.Text("/pricing")));
    List<FunnelStep> steps =
        List.of(
            FunnelStep.event("A"),
            FunnelStep.event("Viewed"),
            new FunnelStep("Viewed pricing", new EventMatcher("Viewed", List.of(pricing))));
    EventTable table =
        Log.of()
            .at("p", 0, "A")
            .at("p", 1, "Viewed", "path", "/pricing")
            .at("p", 2, "Viewed")
            .table();

    FunnelResult result = run(table, FunnelQuery.builder(steps).order(FunnelOrder.UNORDERED));

    assertThat(counts(result)).containsExactly(1L, 1L, 1L);
  }

  @Test
  void windowIsMeasuredFromFirstStep() {
    EventTable table =
        Log.of()
            .at("p", 0, "A")
            .at("p", 50, "B")
            .at("p", 61, "C")
            .at("q", 0, "A")
            .at("q", 30, "B")
            .at("q", 60, "C")
            .table();

    FunnelResult result =
        run(table, FunnelQuery.builder(ABC).window(new ConversionWindow(Duration.ofMinutes(60))));

    assertThat(counts(result)).containsExactly(2L, 2L, 1L);
  }

  @Test
  void timeRangeSelectsEntryEventsButNotLaterSteps() {
    Instant from = Instant.ofEpochSecond(10 * 60);
    Instant to = Instant.ofEpochSecond(20 * 60);
    EventTable table =
        Log.of()
            .at("early", 5, "A")
            .at("early", 12, "B")
            .at("inside", 15, "A")
            .at("inside", 25, "B")
            .at("late", 20, "A")
            .at("late", 21, "B")
            .table();
    List<FunnelStep> steps = List.of(FunnelStep.event("A"), FunnelStep.event("B"));

    FunnelResult result = run(table, FunnelQuery.builder(steps).range(TimeRange.between(from, to)));

    assertThat(counts(result)).containsExactly(1L, 1L);
    assertThat(result.profiles()).isEqualTo(3);
  }

  @Test
  void excludedEventBetweenStepsDropsTheAttempt() {
    EventTable table =
        Log.of()
            .at("p", 0, "A")
            .at("p", 1, "X")
            .at("p", 2, "B")
            .at("q", 0, "A")
            .at("q", 1, "B")
            .at("q", 2, "X")
            .table();
    List<FunnelStep> steps = List.of(FunnelStep.event("A"), FunnelStep.event("B"));

    FunnelResult result =
        run(
            table,
            FunnelQuery.builder(steps).exclude(new Exclusion("X", EventMatcher.named("X"), 0, 1)));

    assertThat(counts(result)).containsExactly(1L, 1L);
  }

  @Test
  void exclusionDoesNotApplyToAnAttemptThatNeverReachesItsToStep() {
    EventTable table = Log.of().at("p", 0, "A").at("p", 1, "X").table();
    List<FunnelStep> steps = List.of(FunnelStep.event("A"), FunnelStep.event("B"));

    FunnelResult result =
        run(
            table,
            FunnelQuery.builder(steps).exclude(new Exclusion("X", EventMatcher.named("X"), 0, 1)));

    assertThat(counts(result)).containsExactly(1L, 0L);
  }

  @Test
  void attemptDroppedByALaterExclusionIsNotCountedAtAnyStep() {
    EventTable table =
        Log.of().at("p", 0, "A").at("p", 1, "B").at("p", 2, "X").at("p", 3, "C").table();

    FunnelResult result =
        run(
            table,
            FunnelQuery.builder(ABC).exclude(new Exclusion("X", EventMatcher.named("X"), 1, 2)));

    assertThat(counts(result)).containsExactly(0L, 0L, 0L);
    assertThat(result.attempts()).isEqualTo(1);
  }

  @Test
  void cleanLaterAttemptStillCounts() {
    EventTable table =
        Log.of().at("p", 0, "A").at("p", 1, "X").at("p", 2, "A").at("p", 3, "B").table();
    List<FunnelStep> steps = List.of(FunnelStep.event("A"), FunnelStep.event("B"));

    FunnelResult result =
        run(
            table,
            FunnelQuery.builder(steps).exclude(new Exclusion("X", EventMatcher.named("X"), 0, 1)));

    assertThat(counts(result)).containsExactly(1L, 1L);
    assertThat(result.steps().get(1).averageSecondsToConvert()).hasValue(60.0);
  }

  @Test
  void timeToConvertComesFromTheEarliestAttemptThatReachesFurthest() {
    EventTable table =
        Log.of()
            .at("p", 0, "A")
            .at("p", 30, "B")
            .at("q", 0, "A")
            .at("q", 10, "A")
            .at("q", 20, "B")
            .at("r", 0, "A")
            .at("r", 60, "B")
            .table();
    List<FunnelStep> steps = List.of(FunnelStep.event("A"), FunnelStep.event("B"));

    StepResult second = run(table, FunnelQuery.builder(steps)).steps().get(1);

    assertThat(second.averageSecondsToConvert()).hasValue((1800 + 1200 + 3600) / 3.0);
    assertThat(second.medianSecondsToConvert()).hasValue(1800.0);
    assertThat(second.p90SecondsToConvert()).hasValue(3600.0);
    assertThat(second.histogram().counts())
        .containsExactly(0L, 0L, 0L, 2L, 1L, 0L, 0L, 0L, 0L, 0L, 0L);
  }

  @Test
  void firstStepHasNoTimeToConvert() {
    EventTable table = Log.of().at("p", 0, "A").table();

    StepResult first = run(table, FunnelQuery.builder(ABC)).steps().get(0);

    assertThat(first.averageSecondsToConvert()).isEmpty();
    assertThat(first.conversionFromFirst()).isEqualTo(1.0);
  }

  @Test
  void breakdownTakesTheValueOfTheCountedAttemptsEntryEvent() {
    EventTable table =
        Log.of()
            .at("p", 0, "A", "plan", "free")
            .at("p", 5, "A", "plan", "pro")
            .at("p", 6, "B")
            .at("q", 0, "A", "plan", "free")
            .at("r", 0, "A")
            .table();
    List<FunnelStep> steps = List.of(FunnelStep.event("A"), FunnelStep.event("B"));

    FunnelResult result =
        run(
            table,
            FunnelQuery.builder(steps)
                .window(ConversionWindow.parse("3m"))
                .breakdown(new Breakdown.EventProperty("plan")));

    // p's first attempt never reaches B; the counted one starts at the "pro" entry
    assertThat(result.series())
        .extracting(Series::breakdown)
        .containsExactly("(none)", "free", "pro");
    assertThat(result.series().get(2).steps().get(1).count()).isEqualTo(1);
  }

  @Test
  void breakdownBeyondTheCapIsMergedIntoOther() {
    EventTable table =
        Log.of()
            .at("p", 0, "A")
            .at("q", 0, "A")
            .at("r", 0, "A")
            .at("s", 0, "A")
            .traits("p", "plan", "pro")
            .traits("q", "plan", "pro")
            .traits("r", "plan", "free")
            .traits("s", "plan", "team")
            .table();

    FunnelResult result =
        run(
            table,
            FunnelQuery.builder(List.of(FunnelStep.event("A")))
                .breakdown(new Breakdown.ProfileTrait("plan"))
                .maxSeries(2));

    assertThat(result.series())
        .extracting(Series::breakdown)
        .containsExactly("pro", "free", "(other)");
    assertThat(result.series().get(2).steps().get(0).count()).isEqualTo(1);
  }

  @Test
  void stepThatMatchesNoEventWarnsWithTheClosestKnownNames() {
    EventTable table = Log.of().at("p", 0, "Signed Up").at("p", 1, "Signed In").table();
    List<FunnelStep> steps = List.of(FunnelStep.event("Signed Up"), FunnelStep.event("Signd Up"));

    FunnelResult result = run(table, FunnelQuery.builder(steps));

    assertThat(counts(result)).containsExactly(1L, 0L);
    assertThat(result.warnings())
        .containsExactly(
            "step 1 'Signd Up' matched no event; no event named 'Signd Up' was seen"
                + " (closest known: 'Signed Up', 'Signed In')");
  }

  @Test
  void exclusionThatMatchesNoEventWarns() {
    EventTable table = Log.of().at("p", 0, "A").at("p", 1, "B").table();
    List<FunnelStep> steps = List.of(FunnelStep.event("A"), FunnelStep.event("B"));

    FunnelResult result =
        run(
            table,
            FunnelQuery.builder(steps).exclude(new Exclusion("Q", EventMatcher.named("Q"), 0, 1)));

    assertThat(result.warnings())
        .singleElement()
        .asString()
        .startsWith("exclusion 0 'Q' matched no event");
  }

  @Test
  void profileFilterLeavesProfilesOut() {
    EventTable table = Log.of().at("p", 0, "A").at("q", 0, "A").traits("p", "plan", "pro").table();
    PropertyCondition pro =
        new PropertyCondition("plan", Operator.EQ, List.of(new Scalar.Text("pro")));

    FunnelResult result =
        run(
            table,
            FunnelQuery.builder(List.of(FunnelStep.event("A")))
                .profileFilter(new TraitFilter(List.of(pro))));

    assertThat(counts(result)).containsExactly(1L);
    assertThat(result.profiles()).isEqualTo(1);
  }
}
