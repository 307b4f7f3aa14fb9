package trailmap.flows;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Flows built in code for the engine tests; the file examples are tested in the app. */
public final class SampleFlows {
  private SampleFlows() {}

  public static Message.Email email(String template) {
    return new Message.Email(template, "Subject of " + template, null, "onboarding");
  }

  public static Action send(String id, String template, String next) {
    return new Action(id, email(template), Optional.ofNullable(next));
  }

  /** The welcome flow of the issue, as code. */
  public static Flow welcome() {
    return new Flow(
        "welcome",
        "Welcome",
        1,
        Optional.empty(),
        new Trigger.OnEvent(EventMatch.named("Trial Started")),
        EntryRules.ONCE,
        List.of(
            send("welcome-email", "welcome", "wait-2-days"),
            new Wait(
                "wait-2-days",
                new Wait.Until.Elapsed(Duration.ofDays(2)),
                Optional.of("onboarded")),
            new Split(
                "onboarded",
                new Split.ByCondition(
                    List.of(
                        new Split.Branch(
                            new Condition.Did(
                                EventMatch.named("Onboarding Completed"), 1, Optional.empty()),
                            Optional.empty())),
                    Optional.of("tips-email"))),
            send("tips-email", "tips", null),
            new Goal("subscribed", Optional.of(EventMatch.named("Subscribed")))),
        List.of(),
        Flow.DEFAULT_PRIORITY,
        0,
        Optional.empty());
  }

  /** A flow of the given steps on an event trigger, with re-entry rules. */
  public static Flow flow(
      String id, String trigger, EntryRules entry, List<Step> steps, List<Exit> exits) {
    return new Flow(
        id,
        id,
        1,
        Optional.empty(),
        new Trigger.OnEvent(EventMatch.named(trigger)),
        entry,
        steps,
        exits,
        Flow.DEFAULT_PRIORITY,
        0,
        Optional.empty());
  }

  public static Flow withPriority(Flow f, int priority) {
    return new Flow(
        f.id(),
        f.name(),
        f.version(),
        f.description(),
        f.trigger(),
        f.entry(),
        f.steps(),
        f.exits(),
        priority,
        f.holdout(),
        f.quietHours());
  }

  public static Flow withHoldout(Flow f, double holdout) {
    return new Flow(
        f.id(),
        f.name(),
        f.version(),
        f.description(),
        f.trigger(),
        f.entry(),
        f.steps(),
        f.exits(),
        f.priority(),
        holdout,
        f.quietHours());
  }

  public static Flow withQuietHours(Flow f, LocalTime start, LocalTime end) {
    return new Flow(
        f.id(),
        f.name(),
        f.version(),
        f.description(),
        f.trigger(),
        f.entry(),
        f.steps(),
        f.exits(),
        f.priority(),
        f.holdout(),
        Optional.of(new QuietHours(start, end)));
  }
}
