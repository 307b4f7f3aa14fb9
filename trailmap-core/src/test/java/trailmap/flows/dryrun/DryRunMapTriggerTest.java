package trailmap.flows.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trailmap.analytics.EventTable;
import trailmap.analytics.JourneyMaps;
import trailmap.flows.Flow;
import trailmap.flows.SampleFlows;
import trailmap.flows.Trigger;
import trailmap.flows.policy.MessagePolicy;
import trailmap.maps.EventType;
import trailmap.maps.JourneyMap;
import trailmap.maps.Matcher;
import trailmap.maps.Operator;
import trailmap.maps.PropertyCondition;
import trailmap.maps.Scalar;

/** Touchpoint and stage triggers replayed against the map they name. */
class DryRunMapTriggerTest {
  static final Instant T0 = Instant.parse("2025-03-10T09:00:00Z");
  static final DryRunRange WEEK = new DryRunRange(T0, T0.plus(Duration.ofDays(7)));

  /** Stage consider: pricing (Pricing with plan pro), compare (Compare Plans); stage buy. */
  static final JourneyMap SHOP =
      JourneyMaps.map(
          "shop",
          List.of(
              JourneyMaps.stage(
                  "consider",
                  List.of(
                      JourneyMaps.touchpoint(
                          "pricing",
                          Optional.of(
                              new Matcher(
                                  Optional.of("Pricing"),
                                  Optional.of(EventType.TRACK),
                                  Optional.empty(),
                                  List.of(
                                      new PropertyCondition(
                                          "plan", Operator.EQ, List.of(new Scalar.Text("pro"))))))),
                      JourneyMaps.touchpoint(
                          "compare",
                          Optional.of(
                              new Matcher(
                                  Optional.of("Compare Plans"),
                                  Optional.empty(),
                                  Optional.empty(),
                                  List.of()))),
                      JourneyMaps.touchpoint("store-visit", Optional.empty()))),
              JourneyMaps.stage(
                  "buy",
                  List.of(
                      JourneyMaps.touchpoint(
                          "checkout",
                          Optional.of(
                              new Matcher(
                                  Optional.of("Checkout"),
                                  Optional.empty(),
                                  Optional.empty(),
                                  List.of())))))));

  static Flow welcomeOn(Trigger trigger) {
    Flow f = SampleFlows.welcome();
    return new Flow(
        f.id(),
        f.name(),
        1,
        Optional.empty(),
        trigger,
        f.entry(),
        f.steps(),
        f.exits(),
        f.priority(),
        f.holdout(),
        f.quietHours());
  }

  static Instant at(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  static EventTable visits() {
    return Tables.of()
        .profile("ann")
        .event("ann", at(1), "Pricing", Map.of("plan", "pro"))
        .event("ann", at(3), "Pricing", Map.of("plan", "pro"))
        .profile("bob")
        .event("bob", at(1), "Pricing", Map.of("plan", "free"))
        .profile("cyd")
        .event("cyd", at(2), "Compare Plans")
        .profile("dan")
        .event("dan", at(2), "Checkout")
        .build();
  }

  static DryRunResult run(Flow flow, EventTable table) {
    return new DryRun(flow, Optional.of(SHOP), MessagePolicy.PERMISSIVE, 42, ZoneOffset.UTC)
        .run(table, WEEK);
  }

  @Test
  void anEventSatisfyingTheTouchpointsMatcherEntersTheTouchpointFlow() {
    DryRunResult result =
        run(welcomeOn(new Trigger.TouchpointEntered("shop", "pricing")), visits());

    assertThat(result.profiles()).isEqualTo(4);
    assertThat(result.profilesEntered()).as("only ann's Pricing has plan pro").isEqualTo(1);
    assertThat(result.entries()).isEqualTo(1);
    assertThat(result.notEntered())
        .as("ann's second Pricing comes while she waits in the flow")
        .containsEntry("already-inside", 1L);
    assertThat(result.step("welcome-email").sent()).isEqualTo(1);
    assertThat(result.step("tips-email").sent()).as("two days later").isEqualTo(1);
  }

  @Test
  void anyTouchpointOfTheStageEntersTheStageFlow() {
    DryRunResult result = run(welcomeOn(new Trigger.StageEntered("shop", "consider")), visits());

    assertThat(result.profilesEntered()).as("ann by pricing, cyd by compare").isEqualTo(2);
    assertThat(result.step("welcome-email").sent()).isEqualTo(2);
    assertThat(result.notEntered()).containsEntry("already-inside", 1L);

    DryRunResult buy = run(welcomeOn(new Trigger.StageEntered("shop", "buy")), visits());
    assertThat(buy.profilesEntered()).as("dan checked out").isEqualTo(1);
  }

  @Test
  void aMissingMapTouchpointOrStageIsAProblemThatNamesWhatIsThere() {
    Flow onPricing = welcomeOn(new Trigger.TouchpointEntered("shop", "pricing"));
    assertThat(DryRun.problems(onPricing, Optional.empty()))
        .singleElement()
        .asString()
        .isEqualTo(
            "flow 'welcome' starts on touchpoint 'pricing' of map 'shop', but there is no map"
                + " 'shop' to replay it against; store the map first or fix the flow's trigger");
    assertThat(
            DryRun.problems(
                welcomeOn(new Trigger.TouchpointEntered("shop", "pricng")), Optional.of(SHOP)))
        .containsExactly(
            "map 'shop' has no touchpoint 'pricng' (its touchpoints: pricing, compare,"
                + " store-visit, checkout); fix the flow's trigger");
    assertThat(
            DryRun.problems(
                welcomeOn(new Trigger.StageEntered("shop", "retain")), Optional.of(SHOP)))
        .containsExactly(
            "map 'shop' has no stage 'retain' (its stages: consider, buy); fix the"
                + " flow's trigger");
    assertThat(DryRun.problems(onPricing, Optional.of(SHOP))).isEmpty();
    assertThatThrownBy(
            () ->
                new DryRun(
                    onPricing, Optional.empty(), MessagePolicy.PERMISSIVE, 1, ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no map 'shop'");
  }
}
