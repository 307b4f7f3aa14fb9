package trailmap.flows.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.flows.SampleFlows.send;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trailmap.flows.Act;
import trailmap.flows.Action;
import trailmap.flows.EntryRules;
import trailmap.flows.EventMatch;
import trailmap.flows.Exit;
import trailmap.flows.Flow;
import trailmap.flows.SampleFlows;
import trailmap.flows.Split;
import trailmap.flows.Wait;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.testing.FlowTestDriver;
import trailmap.maps.Operator;
import trailmap.maps.PropertyCondition;
import trailmap.maps.Scalar;

class FlowEngineTest {
  private static final Instant MONDAY_9 = Instant.parse("2025-03-10T09:00:00Z");

  private static FlowTestDriver driver(Flow... flows) {
    return new FlowTestDriver(List.of(flows), MessagePolicy.PERMISSIVE, 42, MONDAY_9);
  }

  @Test
  void welcomeSendsAtOnceThenTipsAfterTwoDays() {
    FlowTestDriver driver = driver(SampleFlows.welcome());
    driver.identify("ada", Map.of("email", "ada@example.com"));
    driver.track("ada", "Trial Started");
    assertThat(driver.sent("ada"))
        .extracting(Decision.Send::address)
        .containsExactly("ada@example.com");
    driver.advance(Duration.ofDays(2).minusSeconds(1));
    assertThat(driver.sent("ada")).hasSize(1);
    driver.advance(Duration.ofSeconds(1));
    assertThat(driver.sent("ada"))
        .extracting(Decision.Send::stepId)
        .containsExactly("welcome-email", "tips-email");
    assertThat(driver.state("ada", "welcome").orElseThrow().lastOutcome())
        .contains(Outcome.COMPLETED);
    assertThat(driver.decisions("ada", Decision.StepReached.class))
        .extracting(Decision::reason)
        .contains("split 'onboarded': no branch holds, otherwise");
  }

  @Test
  void welcomeSkipsTipsWhenOnboardingWasCompleted() {
    FlowTestDriver driver = driver(SampleFlows.welcome());
    driver.identify("ada", Map.of("email", "ada@example.com"));
    driver.track("ada", "Trial Started");
    driver.advance(Duration.ofDays(1));
    driver.track("ada", "Onboarding Completed");
    driver.advance(Duration.ofDays(3));
    assertThat(driver.sent("ada"))
        .extracting(Decision.Send::stepId)
        .containsExactly("welcome-email");
    assertThat(driver.decisions("ada", Decision.StepReached.class))
        .extracting(Decision::reason)
        .contains("split 'onboarded': branch 1 holds");
  }

  @Test
  void aGoalWhileWaitingConvertsAtOnceAndCancelsTheTimer() {
    FlowTestDriver driver = driver(SampleFlows.welcome());
    driver.identify("ada", Map.of("email", "ada@example.com"));
    driver.track("ada", "Trial Started");
    driver.advance(Duration.ofHours(5));
    driver.track("ada", "Subscribed");
    FlowState state = driver.state("ada", "welcome").orElseThrow();
    assertThat(state.inside()).isFalse();
    assertThat(state.lastOutcome()).contains(Outcome.CONVERTED);
    assertThat(driver.decisions("ada", Decision.TimerCancelled.class)).hasSize(1);
    driver.advance(Duration.ofDays(3));
    assertThat(driver.sent("ada")).hasSize(1);
  }

  @Test
  void noReentryMeansASecondTriggerIsRefusedWithAReason() {
    FlowTestDriver driver = driver(SampleFlows.welcome());
    driver.identify("ada", Map.of("email", "ada@example.com"));
    driver.track("ada", "Trial Started");
    driver.advance(Duration.ofDays(3));
    driver.track("ada", "Trial Started");
    assertThat(driver.decisions("ada", Decision.NotEntered.class))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.cause()).isEqualTo(Decision.NotEntered.Cause.NO_REENTRY);
              assertThat(n.reason()).startsWith("not entered: flow 'welcome' allows no re-entry");
            });
  }

  @Test
  void aTriggerWhileInsideDoesNotStartASecondRun() {
    FlowTestDriver driver = driver(SampleFlows.welcome());
    driver.identify("ada", Map.of("email", "ada@example.com"));
    driver.track("ada", "Trial Started");
    driver.track("ada", "Trial Started");
    assertThat(driver.decisions("ada", Decision.Entered.class)).hasSize(1);
    assertThat(driver.decisions("ada", Decision.NotEntered.class).getFirst())
        .satisfies(
            n -> {
              assertThat(n.cause()).isEqualTo(Decision.NotEntered.Cause.ALREADY_INSIDE);
              assertThat(n.reason()).contains("already in the flow at step 'wait-2-days'");
            });
  }

  @Test
  void reentryHonoursTheMinimumGap() {
    Flow flow =
        SampleFlows.flow(
            "nudge",
            "Cart Updated",
            new EntryRules(true, Optional.of(Duration.ofDays(7)), List.of()),
            List.of(send("nudge-email", "nudge", null)),
            List.of());
    FlowTestDriver driver = driver(flow);
    driver.identify("ada", Map.of("email", "ada@example.com"));
    driver.track("ada", "Cart Updated");
    driver.advance(Duration.ofDays(6));
    driver.track("ada", "Cart Updated");
    driver.advance(Duration.ofDays(1));
    driver.track("ada", "Cart Updated");
    assertThat(driver.sent("ada")).hasSize(2);
    assertThat(driver.sent("ada").get(0).outboxId())
        .isNotEqualTo(driver.sent("ada").get(1).outboxId());
    assertThat(driver.decisions("ada", Decision.NotEntered.class).getFirst().reason())
        .contains("re-entry needs PT168H");
  }

  @Test
  void theAudienceConditionKeepsOthersOut() {
    PropertyCondition pro =
        new PropertyCondition("plan", Operator.EQ, List.of(new Scalar.Text("pro")));
    Flow flow =
        SampleFlows.flow(
            "pro-only",
            "Go",
            new EntryRules(false, Optional.empty(), List.of(pro)),
            List.of(send("hi", "hi", null)),
            List.of());
    FlowTestDriver driver = driver(flow);
    driver.identify("ada", Map.of("email", "a@x.io", "plan", "free"));
    driver.track("ada", "Go");
    driver.identify("bob", Map.of("email", "b@x.io", "plan", "pro"));
    driver.track("bob", "Go");
    assertThat(driver.sent("ada")).isEmpty();
    assertThat(driver.sent("bob")).hasSize(1);
  }

  private static Flow abandonment() {
    return SampleFlows.flow(
        "abandon",
        "Pricing Viewed",
        EntryRules.ONCE,
        List.of(
            new Wait(
                "wait-subscribe",
                new Wait.Until.Event(
                    EventMatch.named("Subscribed"), Duration.ofHours(1), Optional.of("nudge")),
                Optional.empty()),
            send("nudge", "nudge", null)),
        List.of());
  }

  @Test
  void waitUntilEventTakesTheEventBranchWhenItComes() {
    FlowTestDriver driver = driver(abandonment());
    driver.identify("ada", Map.of("email", "a@x.io"));
    driver.track("ada", "Pricing Viewed");
    driver.advance(Duration.ofMinutes(30));
    driver.track("ada", "Subscribed");
    driver.advance(Duration.ofHours(2));
    assertThat(driver.sent("ada")).isEmpty();
    assertThat(driver.state("ada", "abandon").orElseThrow().lastOutcome())
        .contains(Outcome.COMPLETED);
  }

  @Test
  void waitUntilEventTakesTheTimeoutBranchAfterTheTimeout() {
    FlowTestDriver driver = driver(abandonment());
    driver.identify("ada", Map.of("email", "a@x.io"));
    driver.track("ada", "Pricing Viewed");
    driver.advance(Duration.ofHours(1));
    assertThat(driver.sent("ada"))
        .singleElement()
        .extracting(Decision.Send::stepId)
        .isEqualTo("nudge");
  }

  @Test
  void anExitEventRemovesTheProfileWhileItWaits() {
    Flow flow =
        SampleFlows.flow(
            "csat",
            "Ticket Closed",
            new EntryRules(true, Optional.empty(), List.of()),
            List.of(
                new Wait(
                    "a-day", new Wait.Until.Elapsed(Duration.ofDays(1)), Optional.of("survey")),
                send("survey", "csat", null)),
            List.of(new Exit.OnEvent(EventMatch.named("Ticket Reopened"))));
    FlowTestDriver driver = driver(flow);
    driver.identify("ada", Map.of("email", "a@x.io"));
    driver.track("ada", "Ticket Closed");
    driver.advance(Duration.ofHours(3));
    driver.track("ada", "Ticket Reopened");
    assertThat(driver.state("ada", "csat").orElseThrow().lastOutcome()).contains(Outcome.EXITED);
    driver.advance(Duration.ofDays(2));
    assertThat(driver.sent("ada")).isEmpty();
  }

  @Test
  void aTimerFiredTwiceActsOnce() {
    FlowTestDriver driver = driver(SampleFlows.welcome());
    driver.identify("ada", Map.of("email", "ada@example.com"));
    driver.track("ada", "Trial Started");
    Instant due = driver.state("ada", "welcome").orElseThrow().wakeAt().orElseThrow();
    driver.advance(Duration.ofDays(2));
    driver.refire("ada", "welcome", due);
    assertThat(driver.sent("ada")).hasSize(2);
    assertThat(driver.decisions("ada", Decision.Ignored.class)).hasSize(1);
  }

  @Test
  void aMissingAddressSuppressesWithAReason() {
    FlowTestDriver driver = driver(SampleFlows.welcome());
    driver.track("ada", "Trial Started");
    assertThat(driver.decisions("ada", Decision.Suppressed.class).getFirst().reason())
        .isEqualTo("suppressed: the profile has no 'email' trait to send email to");
  }

  @Test
  void traitAndSegmentActionsAreDecidedAndSegmentJoinsTriggerFlows() {
    Flow tagger =
        SampleFlows.flow(
            "tagger",
            "Go",
            EntryRules.ONCE,
            List.of(
                new Action(
                    "tag",
                    new Act.UpdateTrait("stage", new Scalar.Text("engaged")),
                    Optional.of("join")),
                new Action("join", new Act.Segment("engaged", true), Optional.empty())),
            List.of());
    Flow onSegment =
        new Flow(
            "on-segment",
            "On segment",
            1,
            Optional.empty(),
            new trailmap.flows.Trigger.SegmentEntered("engaged"),
            EntryRules.ONCE,
            List.of(send("hello", "hello", null)),
            List.of(),
            5,
            0,
            Optional.empty());
    FlowTestDriver driver = driver(tagger, onSegment);
    driver.identify("ada", Map.of("email", "a@x.io"));
    driver.track("ada", "Go");
    assertThat(driver.traits("ada").get("stage"))
        .contains(new trailmap.events.JsonValue.Str("engaged"));
    assertThat(driver.segments("ada")).containsExactly("engaged");
    assertThat(driver.sent("ada"))
        .singleElement()
        .extracting(Decision.Send::stepId)
        .isEqualTo("hello");
  }

  @Test
  void randomSplitIsDeterministicAndFollowsTheWeights() {
    Flow flow =
        SampleFlows.flow(
            "ab",
            "Go",
            EntryRules.ONCE,
            List.of(
                new Split(
                    "test",
                    new Split.Random(
                        List.of(
                            new Split.Variant("a", 1, Optional.of("mail-a")),
                            new Split.Variant("b", 3, Optional.of("mail-b"))),
                        0.1)),
                send("mail-a", "a", null),
                send("mail-b", "b", null)),
            List.of());
    FlowTestDriver first = driver(flow);
    FlowTestDriver second = driver(flow);
    int b = 0;
    int heldOut = 0;
    for (int i = 0; i < 2000; i++) {
      for (FlowTestDriver d : List.of(first, second)) {
        d.identify("p" + i, Map.of("email", "p" + i + "@x.io"));
        d.track("p" + i, "Go");
      }
      Decision.Assigned one = first.decisions("p" + i, Decision.Assigned.class).getFirst();
      assertThat(second.decisions("p" + i, Decision.Assigned.class).getFirst()).isEqualTo(one);
      b += one.variant().equals("b") ? 1 : 0;
      heldOut += one.heldOut() ? 1 : 0;
    }
    assertThat(b).isBetween(1400, 1600);
    assertThat(heldOut).isBetween(150, 250);
  }

  @Test
  void theFlowHoldoutGetsNoMessagesButRunsTheFlow() {
    Flow flow = SampleFlows.withHoldout(SampleFlows.welcome(), 0.5);
    FlowTestDriver driver = driver(flow);
    int held = 0;
    for (int i = 0; i < 400; i++) {
      driver.identify("p" + i, Map.of("email", "p" + i + "@x.io"));
      driver.track("p" + i, "Trial Started");
      boolean isHeld = driver.decisions("p" + i, Decision.Entered.class).getFirst().heldOut();
      held += isHeld ? 1 : 0;
      assertThat(driver.sent("p" + i)).hasSize(isHeld ? 0 : 1);
    }
    assertThat(held).isBetween(160, 240);
  }

  @Test
  void quietHoursDeferTheMessageToTheMorningInTheProfilesZone() {
    Flow flow = SampleFlows.withQuietHours(abandonment(), LocalTime.of(21, 0), LocalTime.of(8, 0));
    FlowTestDriver driver =
        new FlowTestDriver(
            List.of(flow), MessagePolicy.PERMISSIVE, 42, Instant.parse("2025-03-10T20:30:00Z"));
    driver.zone("ada", ZoneId.of("Europe/Berlin"));
    driver.identify("ada", Map.of("email", "a@x.io"));
    driver.track("ada", "Pricing Viewed"); // 21:30 in Berlin
    driver.advance(Duration.ofHours(1));
    assertThat(driver.sent("ada")).isEmpty();
    Decision.Deferred deferred = driver.decisions("ada", Decision.Deferred.class).getFirst();
    assertThat(deferred.until()).isEqualTo(Instant.parse("2025-03-11T07:00:00Z"));
    assertThat(deferred.reason())
        .isEqualTo(
            "deferred: quiet hours 21:00-08:00 in Europe/Berlin (due 2025-03-10 22:30, goes at 2025-03-11 08:00)");
    driver.advance(Duration.ofHours(12));
    Decision.Send sent = driver.sent("ada").getFirst();
    assertThat(sent.outboxId()).isEqualTo(deferred.outboxId());
    assertThat(
            driver.recorded().stream()
                .filter(r -> r.decision() == sent)
                .findFirst()
                .orElseThrow()
                .at())
        .isEqualTo(Instant.parse("2025-03-11T07:00:00Z"));
  }

  @Test
  void waitUntilTimeOfDayUsesTheProfilesZone() {
    Flow flow =
        SampleFlows.flow(
            "morning",
            "Go",
            EntryRules.ONCE,
            List.of(
                new Wait(
                    "nine", new Wait.Until.TimeOfDay(LocalTime.of(9, 0)), Optional.of("hello")),
                send("hello", "hello", null)),
            List.of());
    FlowTestDriver driver = driver(flow);
    driver.zone("ada", ZoneId.of("America/New_York"));
    driver.identify("ada", Map.of("email", "a@x.io"));
    driver.track("ada", "Go"); // 05:00 in New York
    assertThat(driver.state("ada", "morning").orElseThrow().wakeAt())
        .contains(Instant.parse("2025-03-10T13:00:00Z"));
  }
}
