package trailmap.flows.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.analytics.EventTable;
import trailmap.flows.EntryRules;
import trailmap.flows.EventMatch;
import trailmap.flows.Exit;
import trailmap.flows.Flow;
import trailmap.flows.QuietHours;
import trailmap.flows.SampleFlows;
import trailmap.flows.Split;
import trailmap.flows.Wait;
import trailmap.flows.engine.Decision;
import trailmap.flows.engine.Outcome;
import trailmap.flows.policy.CapWindow;
import trailmap.flows.policy.FrequencyCap;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.testing.FlowTestDriver;
import trailmap.flows.testing.Recorded;

/** The dry run is the engine driven profile by profile: it must agree with the test driver. */
class DryRunPropertiesTest {
  static final Instant T0 = Instant.parse("2025-03-08T10:00:00Z");
  static final DryRunRange RANGE = new DryRunRange(T0, T0.plus(Duration.ofDays(7)));
  static final List<String> EVENTS =
      List.of("Trial Started", "Onboarding Completed", "Subscribed", "Go", "Stop", "Answer");
  static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York");
  static final MessagePolicy POLICY =
      new MessagePolicy(
          List.of(
              FrequencyCap.on("email", 3, CapWindow.WEEK), FrequencyCap.global(2, CapWindow.DAY)),
          Optional.of(new QuietHours(LocalTime.of(23, 0), LocalTime.of(6, 0))),
          Set.of(),
          0.1,
          3);

  record Tracked(String name, long minute) {}

  record Person(String id, boolean hasEmail, String zone, List<Tracked> events) {
    Map<String, String> traits() {
      Map<String, String> traits = new LinkedHashMap<>();
      if (hasEmail) {
        traits.put("email", id + "@example.com");
      }
      traits.put("timezone", zone);
      return traits;
    }

    List<Tracked> inTimeOrder() {
      return events.stream().sorted(Comparator.comparingLong(Tracked::minute)).toList();
    }
  }

  static List<Flow> flows() {
    Flow loop =
        SampleFlows.withQuietHours(
            SampleFlows.flow(
                "loop",
                "Go",
                new EntryRules(true, Optional.of(Duration.ofHours(6)), List.of()),
                List.of(
                    new Split(
                        "ab",
                        new Split.Random(
                            List.of(
                                new Split.Variant("a", 1, Optional.of("ping")),
                                new Split.Variant("b", 1, Optional.of("wait"))),
                            0.2)),
                    SampleFlows.send("ping", "ping", "wait"),
                    new Wait(
                        "wait", new Wait.Until.Elapsed(Duration.ofHours(7)), Optional.of("ping"))),
                List.of(new Exit.OnEvent(EventMatch.named("Stop")))),
            LocalTime.of(22, 0),
            LocalTime.of(7, 0));
    Flow ask =
        SampleFlows.flow(
            "ask",
            "Trial Started",
            new EntryRules(true, Optional.empty(), List.of()),
            List.of(
                new Wait(
                    "wait-answer",
                    new Wait.Until.Event(
                        EventMatch.named("Answer"), Duration.ofHours(20), Optional.of("remind")),
                    Optional.empty()),
                SampleFlows.send("remind", "remind", null)),
            List.of(new Exit.OnEvent(EventMatch.named("Stop"))));
    return List.of(
        SampleFlows.welcome(), SampleFlows.withHoldout(SampleFlows.welcome(), 0.3), loop, ask);
  }

  @Provide
  Arbitrary<List<Person>> people() {
    Arbitrary<Tracked> tracked =
        Combinators.combine(
                Arbitraries.of(EVENTS), Arbitraries.longs().between(0, 6 * 24 * 60 + 23 * 60))
            .as(Tracked::new);
    Arbitrary<Person> person =
        Combinators.combine(
                Arbitraries.integers().between(0, 999),
                Arbitraries.of(true, true, true, false),
                Arbitraries.of(ZONES),
                tracked.list().ofMaxSize(10))
            .as((n, email, zone, events) -> new Person("p" + n, email, zone, events));
    return person.list().ofMinSize(1).ofMaxSize(4).uniqueElements(Person::id);
  }

  @Property(tries = 300)
  void theDryRunMakesTheDecisionsTheDriverMakesProfileByProfile(
      @ForAll("people") List<Person> people, @ForAll("flowIndex") int flowIndex) {
    Flow flow = flows().get(flowIndex);
    Tables tables = Tables.of();
    for (Person person : people) {
      tables.profile(person.id(), person.traits());
      for (Tracked t : person.events()) {
        tables.event(person.id(), T0.plus(Duration.ofMinutes(t.minute())), t.name());
      }
    }
    EventTable table = tables.build();
    Map<String, List<Recorded>> dryRunDecisions = new LinkedHashMap<>();
    DryRunResult result =
        new DryRun(flow, POLICY, 11, ZoneOffset.UTC)
            .run(
                table,
                RANGE,
                0,
                table.profiles(),
                (profile, at, decision) ->
                    dryRunDecisions
                        .computeIfAbsent(profile, p -> new ArrayList<>())
                        .add(
                            new Recorded(
                                at,
                                new trailmap.profiles.ProfileId(profile),
                                flow.id(),
                                decision)));

    long entries = 0;
    long converted = 0;
    long waiting = 0;
    long sent = 0;
    for (Person person : people) {
      FlowTestDriver driver = new FlowTestDriver(List.of(flow), POLICY, 11, T0);
      driver.identify(person.id(), person.traits());
      driver.zone(person.id(), ZoneId.of(person.zone()));
      for (Tracked t : person.inTimeOrder()) {
        driver.advanceTo(T0.plus(Duration.ofMinutes(t.minute())));
        driver.track(person.id(), t.name());
      }
      driver.advanceTo(RANGE.to().minusNanos(1));
      List<Recorded> expected = driver.recorded();

      assertThat(dryRunDecisions.getOrDefault(person.id(), List.of()))
          .as("decisions of %s", person.id())
          .isEqualTo(expected);
      entries += expected.stream().filter(r -> r.decision() instanceof Decision.Entered).count();
      converted +=
          expected.stream()
              .filter(
                  r -> r.decision() instanceof Decision.Left l && l.outcome() == Outcome.CONVERTED)
              .count();
      sent += driver.sent(person.id()).size();
      waiting += driver.state(person.id(), flow.id()).filter(s -> s.inside()).isPresent() ? 1 : 0;
    }
    assertThat(result.entries()).isEqualTo(entries);
    assertThat(result.converted()).isEqualTo(converted);
    assertThat(result.sent()).isEqualTo(sent);
    assertThat(result.waiting()).isEqualTo(waiting);
    assertThat(result.entries())
        .isEqualTo(result.converted() + result.exited() + result.completed() + result.waiting());
    assertThat(result.holdout().entries() + result.treatment().entries())
        .isEqualTo(result.entries());
  }

  @Provide
  Arbitrary<Integer> flowIndex() {
    return Arbitraries.integers().between(0, flows().size() - 1);
  }
}
