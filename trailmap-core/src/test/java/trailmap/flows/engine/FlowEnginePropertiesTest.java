package trailmap.flows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.flows.EntryRules;
import trailmap.flows.EventMatch;
import trailmap.flows.Exit;
import trailmap.flows.Flow;
import trailmap.flows.QuietHours;
import trailmap.flows.SampleFlows;
import trailmap.flows.Split;
import trailmap.flows.Wait;
import trailmap.flows.policy.CapWindow;
import trailmap.flows.policy.FrequencyCap;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.testing.FlowTestDriver;
import trailmap.flows.testing.Recorded;

class FlowEnginePropertiesTest {
  private static final List<String> EVENTS =
      List.of("Trial Started", "Onboarding Completed", "Subscribed", "Go", "Stop", "Answer");

  /** One thing that happens in a test run. */
  sealed interface Move {
    record Track(String profile, String event) implements Move {}

    record Advance(Duration by) implements Move {}

    record Refire(String profile, String flow) implements Move {}
  }

  @Provide
  Arbitrary<List<Move>> moves() {
    Arbitrary<String> profile = Arbitraries.of("ada", "bob", "cy");
    Arbitrary<Move> track =
        net.jqwik.api.Combinators.combine(profile, Arbitraries.of(EVENTS)).as(Move.Track::new);
    Arbitrary<Move> advance =
        Arbitraries.longs()
            .between(1, 4 * 24 * 60)
            .map(m -> new Move.Advance(Duration.ofMinutes(m)));
    Arbitrary<Move> refire =
        net.jqwik.api.Combinators.combine(profile, Arbitraries.of("welcome", "loop", "ask"))
            .as(Move.Refire::new);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, track),
            net.jqwik.api.Tuple.of(3, advance),
            net.jqwik.api.Tuple.of(1, refire))
        .list()
        .ofMaxSize(40);
  }

  private static List<Flow> flows() {
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
        SampleFlows.withPriority(
            SampleFlows.flow(
                "ask",
                "Trial Started",
                new EntryRules(true, Optional.empty(), List.of()),
                List.of(
                    new Wait(
                        "wait-answer",
                        new Wait.Until.Event(
                            EventMatch.named("Answer"),
                            Duration.ofHours(20),
                            Optional.of("remind")),
                        Optional.empty()),
                    SampleFlows.send("remind", "remind", null)),
                List.of()),
            8);
    return List.of(SampleFlows.welcome(), loop, ask);
  }

  private static final MessagePolicy POLICY =
      new MessagePolicy(
          List.of(
              FrequencyCap.on("email", 3, CapWindow.WEEK), FrequencyCap.global(2, CapWindow.DAY)),
          Optional.of(new QuietHours(LocalTime.of(23, 0), LocalTime.of(6, 0))),
          Set.of(),
          0.1,
          3);

  private static List<Recorded> run(List<Move> moves) {
    return driven(moves).recorded();
  }

  private static FlowTestDriver driven(List<Move> moves) {
    FlowTestDriver driver =
        new FlowTestDriver(flows(), POLICY, 11, Instant.parse("2025-03-08T10:00:00Z"));
    for (String p : List.of("ada", "bob", "cy")) {
      driver.identify(p, Map.of("email", p + "@example.com"));
      driver.zone(p, java.time.ZoneId.of(p.equals("bob") ? "America/New_York" : "Europe/Berlin"));
    }
    for (Move move : moves) {
      switch (move) {
        case Move.Track t -> driver.track(t.profile(), t.event());
        case Move.Advance a -> driver.advance(a.by());
        case Move.Refire r ->
            driver
                .state(r.profile(), r.flow())
                .flatMap(FlowState::wakeAt)
                .or(() -> Optional.of(driver.now()))
                .ifPresent(
                    due ->
                        driver.refire(
                            r.profile(), r.flow(), due.isAfter(driver.now()) ? driver.now() : due));
      }
    }
    driver.advance(Duration.ofDays(10));
    return driver;
  }

  @Property(tries = 200)
  void noOutboxIdIsSentTwiceOverAnyInterleaving(@ForAll("moves") List<Move> moves) {
    // The driver fails with an AssertionError on a second send of one outbox id.
    List<Recorded> recorded = run(moves);
    List<String> ids =
        recorded.stream()
            .filter(r -> r.decision() instanceof Decision.Send)
            .map(r -> ((Decision.Send) r.decision()).outboxId())
            .toList();
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Property(tries = 100)
  void replayingTheSameInputsGivesTheSameDecisions(@ForAll("moves") List<Move> moves) {
    assertThat(run(moves)).isEqualTo(run(moves));
  }

  @Property(tries = 100)
  void capsHoldOverAnyInterleaving(@ForAll("moves") List<Move> moves) {
    List<Recorded> sends =
        run(moves).stream().filter(r -> r.decision() instanceof Decision.Send).toList();
    for (Recorded send : sends) {
      Instant dayStart = send.at().minus(Duration.ofHours(30));
      long sameProfileNear =
          sends.stream()
              .filter(s -> s.profile().equals(send.profile()))
              .filter(s -> !s.at().isBefore(dayStart) && !s.at().isAfter(send.at()))
              .count();
      // 2 per local day can put at most 4 in any 30-hour span.
      assertThat(sameProfileNear).isLessThanOrEqualTo(4);
    }
  }

  @Property(tries = 100)
  void anInputAFlowIsNotConcernedWithDecidesNothing(@ForAll("moves") List<Move> moves) {
    // The runtime skips handle (and the profile's reads) when concerns is false; that is only
    // right if handle would have changed nothing, whatever state the moves left behind.
    FlowTestDriver driver = driven(moves);
    for (Flow flow : flows()) {
      FlowEngine engine = new FlowEngine(flow, POLICY, 11);
      for (String p : List.of("ada", "bob", "cy")) {
        FlowState state =
            driver
                .state(p, flow.id())
                .orElse(
                    FlowState.none(
                        new trailmap.profiles.ProfileId("p-" + p), flow.id(), flow.version()));
        ProfileContext context =
            new ProfileContext(
                state.profile(),
                driver.traits(p),
                java.time.ZoneOffset.UTC,
                trailmap.flows.policy.Consent.DEFAULT,
                List.of(),
                List.of(),
                List.of());
        List<Input> inputs = new java.util.ArrayList<>();
        for (String name : EVENTS) {
          inputs.add(
              new Input.EventArrived(
                  new trailmap.flows.FlowEvent(
                      name, driver.now(), new trailmap.events.JsonValue.Obj(Map.of()))));
        }
        inputs.add(new Input.TimerFired(driver.now()));
        inputs.add(new Input.ScheduleFired());
        for (Input input : inputs) {
          if (!engine.concerns(state, input)) {
            Decisions d = engine.handle(state, context, input, driver.now());
            assertThat(d.state()).isEqualTo(state);
            assertThat(d.decisions()).allMatch(x -> x instanceof Decision.Ignored);
          }
        }
      }
    }
  }
}
