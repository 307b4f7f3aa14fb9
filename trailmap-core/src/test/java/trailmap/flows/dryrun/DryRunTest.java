package trailmap.flows.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trailmap.analytics.EventTable;
import trailmap.flows.EntryRules;
import trailmap.flows.Flow;
import trailmap.flows.SampleFlows;
import trailmap.flows.Trigger;
import trailmap.flows.engine.Decision;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.policy.Verdict;

class DryRunTest {
  static final Instant T0 = Instant.parse("2025-03-10T09:00:00Z");
  static final DryRunRange WEEK = new DryRunRange(T0, T0.plus(Duration.ofDays(7)));

  static DryRunResult welcome(EventTable table, DryRunRange range) {
    return new DryRun(SampleFlows.welcome(), MessagePolicy.PERMISSIVE, 42, ZoneOffset.UTC)
        .run(table, range);
  }

  static Instant at(Duration after) {
    return T0.plus(after);
  }

  @Test
  void aTrialGetsTheWelcomeAndTwoDaysLaterTheTipsThenCompletes() {
    EventTable table =
        Tables.of().profile("ada").event("ada", at(Duration.ofHours(1)), "Trial Started").build();

    DryRunResult result = welcome(table, WEEK);

    assertThat(result.profiles()).isEqualTo(1);
    assertThat(result.profilesEntered()).isEqualTo(1);
    assertThat(result.entries()).isEqualTo(1);
    assertThat(result.step("welcome-email").sent()).isEqualTo(1);
    assertThat(result.step("wait-2-days").profiles()).isEqualTo(1);
    assertThat(result.step("onboarded").profiles()).isEqualTo(1);
    assertThat(result.step("tips-email").sent()).isEqualTo(1);
    assertThat(result.completed()).isEqualTo(1);
    assertThat(result.waiting()).isZero();
    assertThat(result.timersFired()).isEqualTo(1);
    assertThat(result.sent()).isEqualTo(2);
  }

  @Test
  void onboardingCompletedBeforeTheWaitEndsSkipsTheTips() {
    EventTable table =
        Tables.of()
            .profile("bob")
            .event("bob", at(Duration.ZERO), "Trial Started")
            .event("bob", at(Duration.ofDays(1)), "Onboarding Completed")
            .build();

    DryRunResult result = welcome(table, WEEK);

    assertThat(result.step("onboarded").profiles()).isEqualTo(1);
    assertThat(result.step("tips-email").visits()).isZero();
    assertThat(result.completed()).isEqualTo(1);
    assertThat(result.events()).isEqualTo(2);
  }

  @Test
  void subscribedWhileWaitingConvertsAtOnceAndCancelsTheTips() {
    EventTable table =
        Tables.of()
            .profile("cy")
            .event("cy", at(Duration.ZERO), "Trial Started")
            .event("cy", at(Duration.ofDays(1)), "Subscribed")
            .build();

    DryRunResult result = welcome(table, WEEK);

    assertThat(result.converted()).isEqualTo(1);
    assertThat(result.convertedByGoal()).containsEntry("subscribed", 1L);
    assertThat(result.step("tips-email").visits()).isZero();
    assertThat(result.timersFired()).as("the cancelled timer never fires").isZero();
    assertThat(result.treatment()).isEqualTo(new HoldoutGroup(1, 1));
  }

  @Test
  void aWaitStillPendingAtTheEndOfTheRangeCountsAsWaiting() {
    EventTable table =
        Tables.of()
            .profile("dan")
            .event("dan", WEEK.to().minus(Duration.ofDays(1)), "Trial Started")
            .build();

    DryRunResult result = welcome(table, WEEK);

    assertThat(result.waiting()).isEqualTo(1);
    assertThat(result.step("wait-2-days").waiting()).isEqualTo(1);
    assertThat(result.step("tips-email").visits()).isZero();
    assertThat(result.entries())
        .isEqualTo(result.converted() + result.exited() + result.completed() + result.waiting());
  }

  @Test
  void aTimerDueExactlyAtTheEndOfTheRangeDoesNotFire() {
    EventTable table =
        Tables.of()
            .profile("eve")
            .event("eve", WEEK.to().minus(Duration.ofDays(2)), "Trial Started")
            .build();

    assertThat(welcome(table, WEEK).waiting()).isEqualTo(1);
  }

  @Test
  void eventsOutsideTheRangeAreNotReplayedButCountForDidConditions() {
    EventTable table =
        Tables.of()
            .profile("fay")
            .event("fay", T0.minus(Duration.ofDays(3)), "Trial Started")
            .profile("gus")
            .event("gus", at(Duration.ZERO), "Trial Started")
            .event("gus", WEEK.to().plusSeconds(1), "Subscribed")
            .build();

    DryRunResult result = welcome(table, WEEK);

    assertThat(result.profiles()).as("fay has no event in the range").isEqualTo(1);
    assertThat(result.entries()).isEqualTo(1);
    assertThat(result.converted()).as("the Subscribed after the range is not seen").isZero();
  }

  @Test
  void aSecondTrialIsNotASecondEntryAndIsCountedWithItsReason() {
    EventTable table =
        Tables.of()
            .profile("hal")
            .event("hal", at(Duration.ZERO), "Trial Started")
            .event("hal", at(Duration.ofHours(1)), "Trial Started")
            .event("hal", at(Duration.ofDays(3)), "Trial Started")
            .build();

    DryRunResult result = welcome(table, WEEK);

    assertThat(result.entries()).isEqualTo(1);
    assertThat(result.notEntered()).containsEntry("already-inside", 1L);
    assertThat(result.notEntered()).containsEntry("no-reentry", 1L);
  }

  @Test
  void aProfileWithoutAnEmailIsSuppressedForNoAddress() {
    EventTable table =
        Tables.of()
            .profile("ivy", Map.of())
            .event("ivy", at(Duration.ZERO), "Trial Started")
            .build();

    DryRunResult result = welcome(table, WEEK);

    assertThat(result.step("welcome-email").suppressed())
        .containsEntry(Verdict.Cause.NO_ADDRESS, 1L);
    assertThat(result.sent()).isZero();
  }

  @Test
  void aWelcomeDueAtNightIsDeferredToTheMorningAndThenSent() {
    Flow quiet =
        SampleFlows.withQuietHours(SampleFlows.welcome(), LocalTime.of(21, 0), LocalTime.of(8, 0));
    EventTable table =
        Tables.of()
            .profile("jo", Map.of("email", "jo@example.com", "timezone", "Europe/Berlin"))
            .event("jo", Instant.parse("2025-03-10T22:30:00Z"), "Trial Started")
            .build();

    List<Instant> sends = new ArrayList<>();
    DryRunResult result =
        new DryRun(quiet, MessagePolicy.PERMISSIVE, 42, ZoneOffset.UTC)
            .run(
                table,
                WEEK,
                0,
                1,
                (profile, at, decision) -> {
                  if (decision instanceof Decision.Send) {
                    sends.add(at);
                  }
                });

    assertThat(result.step("welcome-email").deferred()).isEqualTo(1);
    assertThat(result.step("welcome-email").sent()).isEqualTo(1);
    assertThat(sends.getFirst()).isEqualTo(Instant.parse("2025-03-11T07:00:00Z"));
  }

  @Test
  void theHoldoutSplitSendsNothingToTheHoldoutAndCountsItsConversions() {
    Flow held = SampleFlows.withHoldout(SampleFlows.welcome(), 0.5);
    Tables tables = Tables.of();
    for (int i = 0; i < 400; i++) {
      String id = "p" + i;
      tables.profile(id).event(id, at(Duration.ofMinutes(i)), "Trial Started");
      if (i % 4 == 0) {
        tables.event(id, at(Duration.ofDays(1)), "Subscribed");
      }
    }

    DryRunResult result =
        new DryRun(held, MessagePolicy.PERMISSIVE, 42, ZoneOffset.UTC).run(tables.build(), WEEK);

    assertThat(result.holdout().entries() + result.treatment().entries()).isEqualTo(400);
    assertThat(result.holdout().entries()).isBetween(150L, 250L);
    assertThat(result.step("welcome-email").suppressed())
        .containsEntry(Verdict.Cause.FLOW_HOLDOUT, result.holdout().entries());
    assertThat(result.step("welcome-email").sent()).isEqualTo(result.treatment().entries());
    assertThat(result.holdout().converted() + result.treatment().converted()).isEqualTo(100);
  }

  @Test
  void resultsOfProfilePartitionsAddUpToTheWhole() {
    Tables tables = Tables.of();
    for (int i = 0; i < 60; i++) {
      String id = "p" + i;
      tables.profile(id).event(id, at(Duration.ofHours(i * 3L)), "Trial Started");
      if (i % 3 == 0) {
        tables.event(id, at(Duration.ofHours(i * 3L + 20)), "Onboarding Completed");
      }
      if (i % 5 == 0) {
        tables.event(id, at(Duration.ofHours(i * 3L + 30)), "Subscribed");
      }
    }
    EventTable table = tables.build();
    DryRun dryRun =
        new DryRun(
            SampleFlows.withHoldout(SampleFlows.welcome(), 0.2),
            MessagePolicy.PERMISSIVE,
            7,
            ZoneOffset.UTC);

    DryRunResult whole = dryRun.run(table, WEEK);
    DryRunResult parts =
        dryRun
            .run(table, WEEK, 0, 17, DryRunObserver.NONE)
            .plus(dryRun.run(table, WEEK, 17, 40, DryRunObserver.NONE))
            .plus(dryRun.run(table, WEEK, 40, 60, DryRunObserver.NONE));

    assertThat(parts).isEqualTo(whole);
    assertThat(dryRun.run(table, WEEK)).as("deterministic").isEqualTo(whole);
    assertThat(whole.entries())
        .isEqualTo(whole.converted() + whole.exited() + whole.completed() + whole.waiting());
  }

  @Test
  void aSegmentFlowWithoutItsSegmentCannotBeDryRun() {
    Flow f = SampleFlows.welcome();
    Flow onVip =
        new Flow(
            f.id(),
            f.name(),
            1,
            Optional.empty(),
            new Trigger.SegmentEntered("vip"),
            EntryRules.ONCE,
            f.steps(),
            f.exits(),
            5,
            0,
            Optional.empty());

    assertThat(DryRun.problems(onVip)).singleElement().asString().contains("no segment 'vip'");
    assertThatThrownBy(() -> new DryRun(onVip, MessagePolicy.PERMISSIVE, 1, ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
