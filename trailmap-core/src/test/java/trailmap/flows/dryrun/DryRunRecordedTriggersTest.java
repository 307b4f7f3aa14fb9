package trailmap.flows.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import trailmap.analytics.EventTable;
import trailmap.flows.Act;
import trailmap.flows.Action;
import trailmap.flows.EntryRules;
import trailmap.flows.EventMatch;
import trailmap.flows.Flow;
import trailmap.flows.Goal;
import trailmap.flows.SampleFlows;
import trailmap.flows.Step;
import trailmap.flows.Trigger;
import trailmap.flows.Wait;
import trailmap.flows.dryrun.TriggerHistory.Firing;
import trailmap.flows.engine.Decision;
import trailmap.flows.policy.MessagePolicy;

/**
 * Segment and api triggers replayed from their recorded firings (a segment's entries, a flow's API
 * calls), merged in time order with the profile's events and timers.
 */
class DryRunRecordedTriggersTest {
  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  static final DryRunRange WEEK = new DryRunRange(T0, T0.plus(Duration.ofDays(7)));
  static final EntryRules REENTRY = new EntryRules(true, Optional.empty(), List.of());

  static Instant at(Duration after) {
    return T0.plus(after);
  }

  /** An offer, then up to three days for an order (the goal), else a reminder. */
  static final List<Step> OFFER_THEN_ORDER =
      List.of(
          SampleFlows.send("offer", "offer", "wait-order"),
          new Wait(
              "wait-order",
              new Wait.Until.Event(
                  EventMatch.named("Order Completed"), Duration.ofDays(3), Optional.of("reminder")),
              Optional.of("ordered")),
          SampleFlows.send("reminder", "reminder", null),
          new Goal("ordered", Optional.empty()));

  static Flow flow(Trigger trigger, EntryRules entry, List<Step> steps) {
    return new Flow(
        "win-back",
        "Win back",
        1,
        Optional.empty(),
        trigger,
        entry,
        steps,
        List.of(),
        Flow.DEFAULT_PRIORITY,
        0,
        Optional.empty());
  }

  static final Flow ON_AT_RISK =
      flow(new Trigger.SegmentEntered("at-risk"), EntryRules.ONCE, OFFER_THEN_ORDER);

  /** ann, bob, cyd and dan, each seen before the week; cyd and dan order in it. */
  static EventTable shoppers() {
    Tables tables = Tables.of();
    for (String id : List.of("ann", "bob", "cyd", "dan")) {
      tables.profile(id).event(id, T0.minus(Duration.ofDays(10)), "Signed Up");
    }
    tables.event("ann", at(Duration.ofDays(1)), "Order Completed");
    tables.event("cyd", at(Duration.ofDays(2)), "Order Completed");
    tables.event("dan", at(Duration.ofHours(3)), "Order Completed");
    return tables.build();
  }

  static TriggerHistory atRiskEntries() {
    return TriggerHistory.of(
        Set.of("at-risk", "vip"),
        List.of(
            new Firing("ann", at(Duration.ofHours(1))),
            new Firing("bob", at(Duration.ofHours(2))),
            // Before the range and at its end: not replayed.
            new Firing("cyd", T0.minus(Duration.ofDays(1))),
            new Firing("cyd", WEEK.to()),
            // At the instant of dan's order: the order came first and does not convert the run.
            new Firing("dan", at(Duration.ofHours(3))),
            // Merged away or erased: not in the table, not replayed.
            new Firing("ghost", at(Duration.ofHours(1)))));
  }

  static DryRunResult run(Flow flow, EventTable table, TriggerHistory history, DryRunRange range) {
    return new DryRun(flow, Optional.empty(), history, MessagePolicy.PERMISSIVE, 42, ZoneOffset.UTC)
        .run(table, range);
  }

  @Test
  void replaysTheSegmentsRecordedEntriesInTheRangeAmongTheProfilesEvents() {
    DryRunResult r = run(ON_AT_RISK, shoppers(), atRiskEntries(), WEEK);

    assertThat(r.segmentEntries()).as("ann, bob and dan in the week").isEqualTo(3);
    assertThat(r.apiCalls()).isZero();
    assertThat(r.entries()).isEqualTo(3);
    assertThat(r.profilesEntered()).isEqualTo(3);
    assertThat(r.profiles()).as("cyd is replayed for her order alone").isEqualTo(4);
    assertThat(r.events()).isEqualTo(3);
    assertThat(r.step("offer").sent()).isEqualTo(3);
    assertThat(r.step("wait-order").profiles()).isEqualTo(3);
    assertThat(r.convertedByGoal())
        .as("ann ordered a day after joining")
        .containsEntry("ordered", 1L);
    assertThat(r.step("reminder").sent())
        .as("bob never ordered; dan's order came before his entry")
        .isEqualTo(2);
    assertThat(r.timersFired()).as("the timeouts of bob and dan").isEqualTo(2);
    assertThat(r.completed()).isEqualTo(2);
    assertThat(r.entries()).isEqualTo(r.converted() + r.exited() + r.completed() + r.waiting());
  }

  @Test
  void eachEntryIsHandedToTheEngineAtItsRecordedTime() {
    List<String> entered = new ArrayList<>();
    EventTable table = shoppers();
    new DryRun(
            ON_AT_RISK,
            Optional.empty(),
            atRiskEntries(),
            MessagePolicy.PERMISSIVE,
            42,
            ZoneOffset.UTC)
        .run(
            table,
            WEEK,
            0,
            table.profiles(),
            (profile, at, decision) -> {
              if (decision instanceof Decision.Entered) {
                entered.add(profile + "@" + at);
              }
            });

    assertThat(entered)
        .containsExactly(
            "ann@" + at(Duration.ofHours(1)),
            "bob@" + at(Duration.ofHours(2)),
            "dan@" + at(Duration.ofHours(3)));
  }

  @Test
  void onlyEntriesInsideTheRangeAreReplayed() {
    DryRunRange firstHours = new DryRunRange(T0, at(Duration.ofMinutes(90)));
    DryRunResult early = run(ON_AT_RISK, shoppers(), atRiskEntries(), firstHours);
    assertThat(early.segmentEntries()).as("ann's alone").isEqualTo(1);
    assertThat(early.waiting()).as("ann still waits for an order at 01:30").isEqualTo(1);

    DryRunRange before =
        new DryRunRange(T0.minus(Duration.ofDays(5)), T0.minus(Duration.ofDays(2)));
    DryRunResult nothing = run(ON_AT_RISK, shoppers(), atRiskEntries(), before);
    assertThat(nothing.segmentEntries()).isZero();
    assertThat(nothing.entries()).isZero();
    assertThat(nothing.profiles()).isZero();
  }

  @Test
  void theFlowsOwnSegmentAdditionsAreNotFedBackToItsTrigger() {
    // Live, the addition is recorded in the segment's history, which the dry run already replays.
    Flow selfAdding =
        flow(
            new Trigger.SegmentEntered("at-risk"),
            REENTRY,
            List.of(
                new Action("tag", new Act.Segment("at-risk", true), Optional.of("offer")),
                SampleFlows.send("offer", "offer", null)));
    TriggerHistory one =
        TriggerHistory.of(Set.of("at-risk"), List.of(new Firing("bob", at(Duration.ofHours(2)))));

    DryRunResult r = run(selfAdding, shoppers(), one, WEEK);

    assertThat(r.entries()).isEqualTo(1);
    assertThat(r.segmentEntries()).isEqualTo(1);
    assertThat(r.step("offer").sent()).isEqualTo(1);
  }

  @Test
  void replaysTheLoggedApiCallsOfAnApiFlowUnderItsEntryRules() {
    Flow receipt =
        flow(new Trigger.Api(), EntryRules.ONCE, List.of(SampleFlows.send("receipt", "r", null)));
    TriggerHistory calls =
        TriggerHistory.of(
            Set.of(),
            List.of(
                new Firing("ann", at(Duration.ofHours(5))),
                new Firing("ann", at(Duration.ofHours(1))),
                new Firing("bob", at(Duration.ofDays(3))),
                new Firing("bob", WEEK.to().plusSeconds(1))));

    DryRunResult r = run(receipt, shoppers(), calls, WEEK);

    assertThat(r.apiCalls()).isEqualTo(3);
    assertThat(r.segmentEntries()).isZero();
    assertThat(r.profilesEntered()).isEqualTo(2);
    assertThat(r.entries()).isEqualTo(2);
    assertThat(r.notEntered()).as("ann's second call").containsEntry("no-reentry", 1L);
    assertThat(r.step("receipt").sent()).isEqualTo(2);
    assertThat(r.profiles())
        .as("ann, bob by their calls; cyd and dan by their orders")
        .isEqualTo(4);
  }

  @Test
  void anApiFlowWithNoLoggedCallsEntersNobody() {
    Flow receipt =
        flow(new Trigger.Api(), EntryRules.ONCE, List.of(SampleFlows.send("receipt", "r", null)));
    assertThat(DryRun.problems(receipt)).isEmpty();

    DryRunResult r = run(receipt, shoppers(), TriggerHistory.NONE, WEEK);

    assertThat(r.apiCalls()).isZero();
    assertThat(r.entries()).isZero();
  }

  @Test
  void recordedFiringsAddOverProfilePartitions() {
    DryRun dryRun =
        new DryRun(
            ON_AT_RISK,
            Optional.empty(),
            atRiskEntries(),
            MessagePolicy.PERMISSIVE,
            42,
            ZoneOffset.UTC);
    EventTable table = shoppers();

    DryRunResult parts =
        dryRun
            .run(table, WEEK, 0, 2, DryRunObserver.NONE)
            .plus(dryRun.run(table, WEEK, 2, table.profiles(), DryRunObserver.NONE));

    assertThat(parts).isEqualTo(dryRun.run(table, WEEK));
  }

  @Test
  void anUnknownSegmentIsAProblemThatNamesTheSegmentsThatExist() {
    Flow onTypo = flow(new Trigger.SegmentEntered("at-rsik"), EntryRules.ONCE, OFFER_THEN_ORDER);

    assertThat(DryRun.problems(onTypo, Optional.empty(), atRiskEntries()))
        .containsExactly(
            "flow 'win-back' starts when a profile joins segment 'at-rsik', but there is no"
                + " segment 'at-rsik' (the segments: at-risk, vip); fix the flow's trigger or"
                + " create the segment first");
    assertThat(DryRun.problems(onTypo))
        .singleElement()
        .asString()
        .contains("(there are no segments)");
    assertThat(DryRun.problems(ON_AT_RISK, Optional.empty(), atRiskEntries())).isEmpty();
    assertThatThrownBy(
            () ->
                new DryRun(
                    onTypo,
                    Optional.empty(),
                    atRiskEntries(),
                    MessagePolicy.PERMISSIVE,
                    1,
                    ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no segment 'at-rsik'");
  }
}
