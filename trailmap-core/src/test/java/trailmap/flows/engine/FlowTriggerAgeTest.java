package trailmap.flows.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trailmap.events.JsonValue;
import trailmap.flows.EntryRules;
import trailmap.flows.Flow;
import trailmap.flows.FlowEvent;
import trailmap.flows.SampleFlows;
import trailmap.flows.Trigger;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.testing.FlowTestDriver;

/**
 * {@code entry.maxTriggerAge}: an event handled long after it happened (imported from history,
 * delivered late, read by a runtime far behind the log) does not start a flow as if it were new.
 */
class FlowTriggerAgeTest {
  private static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");

  private static FlowTestDriver driver(Flow flow) {
    FlowTestDriver driver = new FlowTestDriver(List.of(flow), MessagePolicy.PERMISSIVE, 42, NOW);
    driver.identify("ada", Map.of("email", "ada@example.com"));
    return driver;
  }

  private static void trialStarted(FlowTestDriver driver, Instant at) {
    driver.input(
        "ada", new Input.EventArrived(new FlowEvent("Trial Started", at, JsonValue.Obj.EMPTY)));
  }

  private static Flow welcomeWithMaxAge(Optional<Duration> maxAge) {
    Flow welcome = SampleFlows.welcome();
    EntryRules entry = welcome.entry();
    return withEntry(
        welcome, new EntryRules(entry.reentry(), entry.minimumGap(), entry.audience(), maxAge));
  }

  private static Flow withEntry(Flow f, EntryRules entry) {
    return copy(f, f.trigger(), entry);
  }

  private static Flow copy(Flow f, Trigger trigger, EntryRules entry) {
    return new Flow(
        f.id(),
        f.name(),
        f.version(),
        f.description(),
        trigger,
        entry,
        f.steps(),
        f.exits(),
        f.priority(),
        f.holdout(),
        f.quietHours());
  }

  @Test
  void byDefaultAnEventOlderThanADayStartsNoFlowAndTheTimelineSaysWhy() {
    FlowTestDriver driver = driver(SampleFlows.welcome());

    trialStarted(driver, NOW.minus(Duration.ofDays(40)));

    assertThat(driver.sent("ada")).isEmpty();
    assertThat(driver.state("ada", "welcome").map(FlowState::inside))
        .isNotEqualTo(Optional.of(true));
    assertThat(driver.decisions("ada", Decision.NotEntered.class))
        .containsExactly(
            new Decision.NotEntered(
                Decision.NotEntered.Cause.TOO_OLD,
                "not entered: the trigger happened at 2025-01-29T09:00:00Z, 40 days before it was"
                    + " handled, more than the flow's entry.maxTriggerAge of 1d"));
  }

  @Test
  void anEventExactlyAtTheLimitStillStartsTheFlowAndOneJustPastDoesNot() {
    FlowTestDriver atLimit = driver(SampleFlows.welcome());
    trialStarted(atLimit, NOW.minus(EntryRules.DEFAULT_MAX_TRIGGER_AGE));
    assertThat(atLimit.sent("ada")).hasSize(1);

    FlowTestDriver past = driver(SampleFlows.welcome());
    trialStarted(past, NOW.minus(Duration.ofHours(25)));
    assertThat(past.sent("ada")).isEmpty();
    assertThat(past.decisions("ada", Decision.NotEntered.class).getFirst().reason())
        .contains("25 hours before it was handled");
  }

  @Test
  void aLongerLimitOrNoneLetsOlderEventsIn() {
    FlowTestDriver week = driver(welcomeWithMaxAge(Optional.of(Duration.ofDays(7))));
    trialStarted(week, NOW.minus(Duration.ofDays(6)));
    assertThat(week.sent("ada")).hasSize(1);

    FlowTestDriver any = driver(welcomeWithMaxAge(Optional.empty()));
    trialStarted(any, NOW.minus(Duration.ofDays(400)));
    assertThat(any.sent("ada")).hasSize(1);
  }

  @Test
  void aTouchpointEnteredThroughAnOldEventStartsNoFlow() {
    Flow welcome = SampleFlows.welcome();
    Flow onPricing =
        copy(welcome, new Trigger.TouchpointEntered("shop", "pricing"), welcome.entry());
    FlowTestDriver driver = driver(onPricing);

    driver.input(
        "ada", new Input.TouchpointEntered("shop", "pricing", NOW.minus(Duration.ofDays(3))));
    assertThat(driver.sent("ada")).isEmpty();
    assertThat(driver.decisions("ada", Decision.NotEntered.class).getFirst().reason())
        .contains("3 days before it was handled");

    driver.input("ada", new Input.TouchpointEntered("shop", "pricing", NOW.minusSeconds(5)));
    assertThat(driver.sent("ada")).hasSize(1);
  }

  @Test
  void theLimitMustBePositive() {
    assertThatThrownBy(
            () -> new EntryRules(false, Optional.empty(), List.of(), Optional.of(Duration.ZERO)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry.maxTriggerAge must be positive (or none for any age)");
  }
}
