package trailmap.flows.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import trailmap.maps.format.MapProblem;

class FlowReaderProblemsTest {

  private static java.util.List<String> problems(String yaml) {
    return FlowReader.read("f.yaml", yaml).problems().stream().map(MapProblem::toString).toList();
  }

  @Test
  void reportsEveryProblemWithLineColumnAndAHint() {
    String yaml =
        """
        id: f
        name: F
        trigger: {event: Go, wher: {plan: pro}}
        steps:
          - id: a
            wait: 2 days
          - id: b
            email: {template: t, subjct: S}
          - id: c
            wait: {event: Paid, timeout: 1h, onTimeout: nowhere}
        """;
    assertThat(problems(yaml))
        .containsExactly(
            "f.yaml:3:22: unknown field 'wher' in trigger (did you mean 'where'?)",
            "f.yaml:6:11: 'wait' in step 'a' must be a duration such as 30m, 1h, 2d or 1w, was '2 days'",
            "f.yaml:8:12: email of step 'b' is missing required field 'subject'",
            "f.yaml:8:26: unknown field 'subjct' in email of step 'b' (did you mean 'subject'?)");
  }

  @Test
  void theTriggerAgeIsADurationOrNoneAndDefaultsToADay() {
    String head = "id: f\nname: F\ntrigger: {event: Go}\n";
    String steps = "steps:\n  - id: a\n    email: {template: t, subject: S}\n";
    assertThat(problems(head + "entry: {maxTriggerAge: a week}\n" + steps))
        .containsExactly(
            "f.yaml:4:24: 'maxTriggerAge' in entry must be a duration such as 30m, 1h, 2d or 1w"
                + " (or none for any age), was 'a week'");
    assertThat(problems(head + "entry: {maxTriggerAge: 0s}\n" + steps))
        .singleElement()
        .asString()
        .contains("entry.maxTriggerAge must be positive (or none for any age)");
    assertThat(FlowReader.read("f.yaml", head + "entry: {maxTriggerAge: 3d}\n" + steps).flow())
        .hasValueSatisfying(
            f -> assertThat(f.entry().maxTriggerAge()).contains(java.time.Duration.ofDays(3)));
    assertThat(FlowReader.read("f.yaml", head + "entry: {maxTriggerAge: none}\n" + steps).flow())
        .hasValueSatisfying(f -> assertThat(f.entry().maxTriggerAge()).isEmpty());
    assertThat(FlowReader.read("f.yaml", head + steps).flow())
        .hasValueSatisfying(
            f ->
                assertThat(f.entry().maxTriggerAge())
                    .contains(trailmap.flows.EntryRules.DEFAULT_MAX_TRIGGER_AGE));
  }

  @Test
  void graphProblemsPointAtTheStep() {
    String yaml =
        """
        id: f
        name: F
        trigger: {event: Go}
        steps:
          - id: a
            wait: {event: Paid, timeout: 1h, onTimeout: nowhere}
          - id: b
            email: {template: t, subject: S}
        """;
    assertThat(problems(yaml))
        .containsExactly("f.yaml:5:5: step 'a' leads to step 'nowhere', which does not exist");
  }

  @Test
  void aLoopWithoutAWaitIsNamed() {
    String yaml =
        """
        id: f
        name: F
        trigger: {event: Go}
        steps:
          - id: a
            email: {template: t, subject: S}
          - id: b
            setTrait: {trait: x, value: 1}
            next: a
        """;
    assertThat(problems(yaml))
        .singleElement()
        .asString()
        .startsWith("f.yaml:5:5: steps a -> b -> a form a loop without a wait");
  }

  @Test
  void badCronAndConditionsAreExplained() {
    String yaml =
        """
        id: f
        name: F
        trigger: {schedule: "0 25 * * *"}
        entry: {audience: {plan: {greater: 1}}}
        steps:
          - id: a
            email: {template: t, subject: S}
        """;
    assertThat(problems(yaml))
        .containsExactly(
            "f.yaml:3:21: cron '0 25 * * *': hour 25 is out of range 0-23",
            "f.yaml:4:27: unknown operator 'greater' on 'plan' (use one of eq, ne, gt, gte, lt, lte, in, contains, exists)");
  }

  @Test
  void anEmptyOrBlankEventNameIsRefusedWhereverAFlowListensForAnEvent() {
    String yaml =
        """
        id: f
        name: F
        trigger: {event: "", where: {plan: {greater: 5}}}
        exits:
          - event: "  "
        steps:
          - id: a
            wait: {event: "", timeout: 1h}
          - id: b
            split:
              branches:
                - if: {did: " "}
                  next: c
              otherwise: c
          - id: c
            goal: {event: ""}
        """;
    String hint = "; write the tracked event's name, e.g. ";
    assertThat(problems(yaml))
        .containsExactly(
            "f.yaml:3:18: 'event' in trigger must name an event, was empty"
                + hint
                + "event: Trial Started",
            "f.yaml:3:37: unknown operator 'greater' on 'plan' (use one of eq, ne, gt, gte, lt,"
                + " lte, in, contains, exists)",
            "f.yaml:5:12: 'event' in exit must name an event, was only spaces"
                + hint
                + "event: Trial Started",
            "f.yaml:8:19: 'event' in wait of step 'a' must name an event, was empty"
                + hint
                + "event: Trial Started",
            "f.yaml:12:21: 'did' in step 'b' must name an event, was only spaces"
                + hint
                + "did: Trial Started",
            "f.yaml:16:19: 'event' in step 'c' must name an event, was empty"
                + hint
                + "event: Trial Started");
  }

  @Test
  void anEmptyFileSaysWhatAFlowNeeds() {
    assertThat(problems(""))
        .containsExactly(
            "f.yaml:1:1: the file is empty; a flow needs at least id, name, trigger and steps");
  }
}
