package trailmap.analytics.friction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.analytics.ClaimedMaps;
import trailmap.analytics.EventFilter;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.LoggedEvent;
import trailmap.analytics.ReferenceAnswers;
import trailmap.analytics.surveys.SurveyFields;
import trailmap.maps.JourneyMap;

class FrictionPropertiesTest {
  @Provide
  Arbitrary<List<LoggedEvent>> logs() {
    return ReferenceAnswers.logs();
  }

  @Provide
  Arbitrary<JourneyMap> maps() {
    return ClaimedMaps.maps();
  }

  @Provide
  Arbitrary<FrictionRules> rules() {
    return Combinators.combine(
            Arbitraries.longs().between(1, 20).map(s -> s * 1_000_000L),
            Arbitraries.subsetOf("phone", "email", "chat", "web"),
            Arbitraries.of(1.5, 2.0, 4.0),
            Arbitraries.integers().between(1, 3),
            Arbitraries.of(3.0, 4.0),
            Arbitraries.of(0.5, 0.7, 1.0),
            Arbitraries.of(-50.0, 0.0, 30.0))
        .as(
            (window, channels, ratio, n, ces, csat, nps) ->
                new FrictionRules(
                    "issue",
                    window,
                    channels,
                    ratio,
                    n,
                    ces,
                    csat,
                    nps,
                    FrictionRules.NEGATIVE_WORDS));
  }

  @Property(tries = 300)
  void flagsWhatTheReferenceFlagsWithTheSameEvidence(
      @ForAll("logs") List<LoggedEvent> log,
      @ForAll("maps") JourneyMap map,
      @ForAll("rules") FrictionRules rules) {
    List<FrictionItem> found = friction(log, map, rules);

    assertThat(found.stream().map(i -> ReferenceFriction.project(i).line()))
        .containsExactlyInAnyOrderElementsOf(
            ReferenceFriction.of(log, map, rules).stream()
                .map(ReferenceFriction.Item::line)
                .toList());
  }

  @Property(tries = 300)
  void ranksByScoreThenKindThenTouchpointAndFlagsNothingAtItsThreshold(
      @ForAll("logs") List<LoggedEvent> log,
      @ForAll("maps") JourneyMap map,
      @ForAll("rules") FrictionRules rules) {
    List<FrictionItem> found = friction(log, map, rules);

    assertThat(found.stream().map(ReferenceFriction::project).toList())
        .isSortedAccordingTo(ReferenceFriction.RANK);
    assertThat(found).allSatisfy(i -> assertThat(i.intensity()).isPositive());
  }

  @Property(tries = 100)
  void flagsTheRepeatContactsOfEveryKindOfIssueValue(
      @ForAll("logs") List<LoggedEvent> log, @ForAll("maps") JourneyMap map) {
    FrictionRules rules =
        new FrictionRules(
            "issue", 5_000_000L, Set.of("phone", "chat"), 2.0, 1, 4, 0.7, 0, List.of("slow"));

    assertThat(
            friction(log, map, rules).stream()
                .filter(i -> i.evidence() instanceof Evidence.RepeatContacts)
                .map(i -> ReferenceFriction.project(i).line()))
        .containsExactlyInAnyOrderElementsOf(
            ReferenceFriction.of(log, map, rules).stream()
                .filter(i -> i.kind().equals("repeat-contacts"))
                .map(ReferenceFriction.Item::line)
                .toList());
  }

  private static List<FrictionItem> friction(
      List<LoggedEvent> log, JourneyMap map, FrictionRules rules) {
    return Friction.of(JourneyLogs.table(log), map, SurveyFields.DEFAULT, rules, EventFilter.ALL);
  }
}
