package trailmap.analytics.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.analytics.EventTable;
import trailmap.maps.Operator;
import trailmap.maps.PropertyCondition;
import trailmap.maps.Scalar;

/** The fast engine gives the reference's answer on random small logs and queries. */
class FunnelEngineMatchesReferenceTest {
  private static final List<String> NAMES = List.of("A", "B", "C", "D");

  record Ev(int profile, int minute, int name, boolean web, int plan) {}

  record StepSpec(int name, boolean wherePro) {}

  record ExclusionSpec(int name, int from, int to) {}

  record Shape(
      List<StepSpec> steps,
      FunnelOrder order,
      int windowMinutes,
      int rangeFrom,
      int rangeLength,
      List<ExclusionSpec> exclusions,
      int breakdown,
      int filter) {}

  @Property(tries = 1500)
  void engineCountsWhatTheReferenceCounts(
      @ForAll("logs") List<Ev> log, @ForAll("shapes") Shape shape, @ForAll("caps") int maxSeries) {
    EventTable table = table(log);
    FunnelQuery query = query(shape, maxSeries);

    FunnelResult expected = ReferenceFunnel.run(query, table);
    FunnelResult actual = FunnelEngine.run(query, table);

    assertThat(actual.profiles()).isEqualTo(expected.profiles());
    assertThat(actual.attempts()).isEqualTo(expected.attempts());
    assertSameSteps(actual.steps(), expected.steps());
    assertThat(actual.series())
        .extracting(Series::breakdown)
        .containsExactlyElementsOf(expected.series().stream().map(Series::breakdown).toList());
    for (int i = 0; i < expected.series().size(); i++) {
      assertSameSteps(actual.series().get(i).steps(), expected.series().get(i).steps());
    }
  }

  @Property(tries = 300)
  void tallyOfTwoPartitionsMergesToTheTallyOfTheWhole(
      @ForAll("logs") List<Ev> log, @ForAll("shapes") Shape shape) {
    EventTable table = table(log);
    FunnelQuery query = query(shape, 2);
    int half = table.profiles() / 2;

    FunnelResult merged =
        FunnelEngine.tally(query, table, 0, half)
            .merge(FunnelEngine.tally(query, table, half, table.profiles()))
            .result();

    assertThat(merged).isEqualTo(FunnelEngine.run(query, table));
  }

  private static void assertSameSteps(List<StepResult> actual, List<StepResult> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int s = 0; s < expected.size(); s++) {
      StepResult a = actual.get(s);
      StepResult e = expected.get(s);
      assertThat(a.count()).as("count of step %d", s).isEqualTo(e.count());
      assertThat(a.dropOff()).as("drop-off of step %d", s).isEqualTo(e.dropOff());
      assertThat(a.conversionFromFirst()).isCloseTo(e.conversionFromFirst(), within(1e-12));
      assertThat(a.conversionFromPrevious()).isCloseTo(e.conversionFromPrevious(), within(1e-12));
      assertClose(a.averageSecondsToConvert(), e.averageSecondsToConvert());
      assertClose(a.medianSecondsToConvert(), e.medianSecondsToConvert());
      assertClose(a.p90SecondsToConvert(), e.p90SecondsToConvert());
      assertThat(a.histogram()).as("histogram of step %d", s).isEqualTo(e.histogram());
    }
  }

  private static void assertClose(OptionalDouble actual, OptionalDouble expected) {
    assertThat(actual.isPresent()).isEqualTo(expected.isPresent());
    if (expected.isPresent()) {
      assertThat(actual.getAsDouble()).isCloseTo(expected.getAsDouble(), within(1e-6));
    }
  }

  @Provide
  Arbitrary<List<Ev>> logs() {
    Arbitrary<Ev> event =
        Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, NAMES.size() - 1),
                Arbitraries.of(true, true, true, false),
                Arbitraries.integers().between(0, 2))
            .as(Ev::new);
    return event.list().ofMaxSize(28);
  }

  @Provide
  Arbitrary<Shape> shapes() {
    Arbitrary<StepSpec> step =
        Combinators.combine(
                Arbitraries.integers().between(0, NAMES.size() - 1),
                Arbitraries.of(false, false, true))
            .as(StepSpec::new);
    Arbitrary<ExclusionSpec> exclusion =
        Combinators.combine(
                Arbitraries.integers().between(0, NAMES.size() - 1),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(1, 3))
            .as(ExclusionSpec::new);
    return Combinators.combine(
            step.list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.of(FunnelOrder.class),
            Arbitraries.integers().between(1, 8),
            Arbitraries.integers().between(-1, 8),
            Arbitraries.integers().between(1, 8),
            exclusion.list().ofMaxSize(2),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 2))
        .as(Shape::new);
  }

  @Provide
  Arbitrary<Integer> caps() {
    return Arbitraries.integers().between(1, 3);
  }

  private static EventTable table(List<Ev> log) {
    Log builder = Log.of();
    for (Ev e : log) {
      String profile = "p" + e.profile();
      String[] plan =
          e.plan() == 2 ? new String[0] : new String[] {"plan", e.plan() == 0 ? "pro" : "free"};
      builder.at(profile, e.minute(), NAMES.get(e.name()), Log.obj(plan));
      if (!e.web()) {
        builder.on(profile, e.minute(), NAMES.get(e.name()), "app");
      }
      if (e.profile() % 2 == 0) {
        builder.traits(profile, "tier", "gold");
      }
    }
    return builder.table();
  }

  private static FunnelQuery query(Shape shape, int maxSeries) {
    PropertyCondition pro =
        new PropertyCondition("plan", Operator.EQ, List.of(new Scalar.Text("pro")));
    List<FunnelStep> steps = new ArrayList<>();
    for (StepSpec spec : shape.steps()) {
      String name = NAMES.get(spec.name());
      steps.add(
          spec.wherePro()
              ? new FunnelStep(name + " pro", new EventMatcher(name, List.of(pro)))
              : FunnelStep.event(name));
    }
    FunnelQuery.Builder builder =
        FunnelQuery.builder(steps)
            .order(shape.order())
            .window(new ConversionWindow(Duration.ofMinutes(shape.windowMinutes())))
            .maxSeries(maxSeries);
    if (shape.rangeFrom() >= 0) {
      Instant from = Instant.ofEpochSecond(shape.rangeFrom() * 60L);
      builder.range(TimeRange.between(from, from.plusSeconds(shape.rangeLength() * 60L)));
    }
    for (ExclusionSpec x : shape.exclusions()) {
      if (x.from() < x.to() && x.to() < steps.size()) {
        String name = NAMES.get(x.name());
        builder.exclude(new Exclusion(name, EventMatcher.named(name), x.from(), x.to()));
      }
    }
    builder.breakdown(
        switch (shape.breakdown()) {
          case 0 -> new Breakdown.None();
          case 1 -> new Breakdown.EventProperty("plan");
          case 2 -> new Breakdown.ProfileTrait("tier");
          default -> new Breakdown.PropertyOrTrait("tier");
        });
    switch (shape.filter()) {
      case 1 -> builder.eventFilter(new EventFilter(Set.of("web"), Set.of(), List.of()));
      case 2 ->
          builder.profileFilter(
              new TraitFilter(
                  List.of(
                      new PropertyCondition(
                          "tier", Operator.EQ, List.of(new Scalar.Text("gold"))))));
      default -> {}
    }
    return builder.build();
  }
}
