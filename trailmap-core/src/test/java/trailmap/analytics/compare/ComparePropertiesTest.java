package trailmap.analytics.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.analytics.EventTable;
import trailmap.analytics.EventTableBuilder;
import trailmap.analytics.JourneyMaps;
import trailmap.analytics.LoggedEvent;
import trailmap.analytics.ReferenceAnswers;
import trailmap.analytics.conversion.Conversion;
import trailmap.analytics.conversion.StepTest;
import trailmap.analytics.surveys.SurveyFields;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.events.JsonValue;
import trailmap.maps.JourneyMap;

class ComparePropertiesTest {
  private static final long SECOND = 1_000_000L;
  private static final List<String> STEPS =
      List.of("Ad Clicked", "Viewed Pricing", "Started Trial", "Paid", "Contacted Support");

  @Provide
  Arbitrary<List<LoggedEvent>> logs() {
    return ReferenceAnswers.logs();
  }

  /** Each profile's plan trait, or none. */
  @Provide
  Arbitrary<Map<String, String>> plans() {
    return Arbitraries.of("pro", "free", "")
        .list()
        .ofSize(5)
        .map(
            list -> {
              Map<String, String> plans = new LinkedHashMap<>();
              for (int p = 0; p < list.size(); p++) {
                if (!list.get(p).isEmpty()) {
                  plans.put("p" + (p + 1), list.get(p));
                }
              }
              return plans;
            });
  }

  /** Two periods (possibly overlapping), a trait split or an event property split. */
  @Provide
  Arbitrary<Groups> groups() {
    Arbitrary<long[]> range =
        Arbitraries.longs()
            .between(0, 41)
            .list()
            .ofSize(2)
            .filter(l -> !l.get(0).equals(l.get(1)))
            .map(
                l ->
                    new long[] {
                      Math.min(l.get(0), l.get(1)) * SECOND, Math.max(l.get(0), l.get(1)) * SECOND
                    });
    Arbitrary<Groups> periods =
        Combinators.combine(range, range).as((a, b) -> new Groups.Periods(a[0], a[1], b[0], b[1]));
    return Arbitraries.oneOf(
        periods,
        Arbitraries.of(
            new Groups.ByValue("plan", true, "pro", "free"),
            new Groups.ByValue("plan", false, "free", "pro")));
  }

  @Provide
  Arbitrary<Long> windows() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 20).map(s -> s * SECOND),
        Arbitraries.just(Conversion.NO_WINDOW));
  }

  @Provide
  Arbitrary<String> steps() {
    return Arbitraries.of(STEPS);
  }

  @Provide
  Arbitrary<Optional<JourneyMap>> maps() {
    return JourneyMaps.maps("m").optional(0.7);
  }

  @Property(tries = 300)
  void conversionOfEachGroupIsTheReferences(
      @ForAll("logs") List<LoggedEvent> log,
      @ForAll("plans") Map<String, String> plans,
      @ForAll("groups") Groups groups,
      @ForAll("steps") String first,
      @ForAll("steps") String then,
      @ForAll("windows") long window) {
    EventTable table = table(log, plans);

    Compared compared =
        Compare.conversion(
            table, StepTest.named(table, first), StepTest.named(table, then), window, groups);

    assertSame(
        ReferenceCompare.project(compared),
        ReferenceCompare.conversion(log, first, then, window, groups, plans));
  }

  @Property(tries = 300)
  void timeToNextOfEachGroupIsTheReferences(
      @ForAll("logs") List<LoggedEvent> log,
      @ForAll("plans") Map<String, String> plans,
      @ForAll("groups") Groups groups,
      @ForAll("steps") String first,
      @ForAll("steps") String then,
      @ForAll("windows") long window) {
    EventTable table = table(log, plans);

    Compared compared =
        Compare.timeToNext(
            table, StepTest.named(table, first), StepTest.named(table, then), window, groups);

    assertSame(
        ReferenceCompare.project(compared),
        ReferenceCompare.timeToNext(log, first, then, window, groups, plans));
  }

  @Property(tries = 300)
  void surveyFigureOfEachGroupIsTheReferences(
      @ForAll("logs") List<LoggedEvent> log,
      @ForAll("plans") Map<String, String> plans,
      @ForAll("groups") Groups groups,
      @ForAll("maps") Optional<JourneyMap> map,
      @ForAll SurveyKind kind,
      @ForAll("touchpoints") Optional<String> touchpoint) {
    Compared compared =
        Compare.survey(table(log, plans), map, SurveyFields.DEFAULT, kind, touchpoint, groups);

    assertSame(
        ReferenceCompare.project(compared),
        ReferenceCompare.survey(log, map, kind, touchpoint, groups, plans));
  }

  @Provide
  Arbitrary<Optional<String>> touchpoints() {
    return Arbitraries.of("m-tp0", "m-tp1", "nowhere").optional(0.5);
  }

  private static void assertSame(ReferenceCompare.Result engine, ReferenceCompare.Result ref) {
    assertThat(engine.a().n()).as("n of a").isEqualTo(ref.a().n());
    assertThat(engine.b().n()).as("n of b").isEqualTo(ref.b().n());
    assertClose(engine.a().value(), ref.a().value(), "value of a");
    assertClose(engine.b().value(), ref.b().value(), "value of b");
    assertClose(engine.difference(), ref.difference(), "difference a - b");
  }

  private static void assertClose(double engine, double reference, String what) {
    if (Double.isNaN(reference)) {
      assertThat(engine).as(what).isNaN();
    } else {
      assertThat(engine).as(what).isCloseTo(reference, within(1e-9));
    }
  }

  private static EventTable table(List<LoggedEvent> log, Map<String, String> plans) {
    EventTableBuilder builder = new EventTableBuilder();
    for (LoggedEvent e : log) {
      builder.add(e.profile(), e.micros(), e.name(), e.type(), e.channel(), "src", e.properties());
    }
    plans.forEach(
        (profile, plan) ->
            builder.traits(
                profile, new JsonValue.Obj(Map.of("plan", (JsonValue) new JsonValue.Str(plan)))));
    return builder.build();
  }
}
