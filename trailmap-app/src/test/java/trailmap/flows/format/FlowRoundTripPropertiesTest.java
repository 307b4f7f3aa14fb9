package trailmap.flows.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.flows.Act;
import trailmap.flows.Action;
import trailmap.flows.Condition;
import trailmap.flows.EntryRules;
import trailmap.flows.EventMatch;
import trailmap.flows.Exit;
import trailmap.flows.Flow;
import trailmap.flows.Goal;
import trailmap.flows.Message;
import trailmap.flows.QuietHours;
import trailmap.flows.Split;
import trailmap.flows.Step;
import trailmap.flows.Trigger;
import trailmap.flows.Wait;
import trailmap.maps.Operator;
import trailmap.maps.PropertyCondition;
import trailmap.maps.Scalar;

/** A flow survives flow → YAML/JSON → flow, for flows of every step kind. */
class FlowRoundTripPropertiesTest {

  /** One step kind per code; step i leads to i+1, splits and waits may jump ahead or end. */
  @Provide
  Arbitrary<Flow> flows() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 9).list().ofMinSize(1).ofMaxSize(8),
            Arbitraries.integers().between(1, 10),
            Arbitraries.of(0.0, 0.1, 0.25),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 3))
        .as(FlowRoundTripPropertiesTest::flow);
  }

  private static Flow flow(
      List<Integer> kinds, int priority, double holdout, boolean reentry, int trigger) {
    List<Step> steps = new ArrayList<>();
    int n = kinds.size();
    for (int i = 0; i < n; i++) {
      String id = "s" + i;
      Optional<String> next = i + 1 < n ? Optional.of("s" + (i + 1)) : Optional.empty();
      Optional<String> last = i + 1 < n ? Optional.of("s" + (n - 1)) : Optional.empty();
      PropertyCondition pro =
          new PropertyCondition(
              "plan", Operator.IN, List.of(new Scalar.Text("pro"), new Scalar.Number(2)));
      steps.add(
          switch (kinds.get(i)) {
            case 0 -> new Wait(id, new Wait.Until.Elapsed(Duration.ofMinutes(90)), next);
            case 1 -> new Wait(id, new Wait.Until.TimeOfDay(LocalTime.of(9, 30)), next);
            case 2 ->
                new Wait(
                    id,
                    new Wait.Until.Event(
                        new EventMatch("Paid", List.of(pro)), Duration.ofDays(3), last),
                    next);
            case 3 ->
                new Split(
                    id,
                    new Split.ByCondition(
                        List.of(
                            new Split.Branch(
                                new Condition.Not(
                                    new Condition.Did(
                                        EventMatch.named("Seen"),
                                        2,
                                        Optional.of(Duration.ofDays(7)))),
                                last),
                            new Split.Branch(new Condition.Traits(List.of(pro)), Optional.empty())),
                        next));
            case 4 ->
                new Split(
                    id,
                    new Split.Random(
                        List.of(new Split.Variant("a", 3, next), new Split.Variant("b", 1, last)),
                        0.1));
            case 5 ->
                new Action(id, new Message.Email("t", "Hi {{name}}", "work_email", "news"), next);
            case 6 -> new Action(id, new Message.Sms("twilio", "Hi", null, "alerts"), next);
            case 7 ->
                new Action(id, new Act.Webhook("https://example.com/h", "PUT", "{\"a\":1}"), next);
            case 8 -> new Action(id, new Act.UpdateTrait("score", new Scalar.Number(2.5)), next);
            default -> new Action(id, new Act.Segment("vip", i % 2 == 0), next);
          });
    }
    steps.add(new Goal("won", Optional.of(EventMatch.named("Subscribed"))));
    Trigger t =
        switch (trigger) {
          case 0 -> new Trigger.OnEvent(EventMatch.named("Go"));
          case 1 -> new Trigger.Schedule(trailmap.flows.Cron.parse("0 9 * * mon-fri"));
          case 2 -> new Trigger.TouchpointEntered("saas", "pricing");
          default -> new Trigger.Api();
        };
    // Re-entry flows also vary the trigger age: a custom one, none, and (below) the default.
    EntryRules entry =
        reentry
            ? new EntryRules(
                true,
                Optional.of(Duration.ofDays(2)),
                List.of(),
                trigger == 0 ? Optional.of(Duration.ofHours(6)) : Optional.empty())
            : EntryRules.ONCE;
    return new Flow(
        "f",
        "F",
        2,
        Optional.of("d"),
        t,
        entry,
        steps,
        List.of(
            new Exit.OnEvent(EventMatch.named("Churned")),
            new Exit.WhenTraits(List.of(new PropertyCondition("vip", Operator.EXISTS, List.of())))),
        priority,
        holdout,
        Optional.of(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))));
  }

  @Property(tries = 200)
  void aFlowSurvivesYamlAndJson(@ForAll("flows") Flow flow) {
    FlowReadResult yaml = FlowReader.read("yaml", FlowWriter.toYaml(flow));
    assertThat(yaml.problems()).isEmpty();
    assertThat(yaml.flow()).contains(flow);
    assertThat(FlowReader.read("json", FlowWriter.toJson(flow)).flow()).contains(flow);
  }
}
