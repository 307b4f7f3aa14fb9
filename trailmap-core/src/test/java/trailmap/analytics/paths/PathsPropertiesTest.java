package trailmap.analytics.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import trailmap.analytics.EventTable;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.Labels;
import trailmap.analytics.LoggedEvent;

class PathsPropertiesTest {

  @Provide
  Arbitrary<List<LoggedEvent>> logs() {
    return JourneyLogs.logs();
  }

  @Provide
  Arbitrary<PathQuery> queries() {
    Arbitrary<Optional<String>> node =
        Arbitraries.of("Ad Clicked", "Viewed Pricing", "Paid", "Never Seen").optional(0.6);
    return Combinators.combine(node, node, Arbitraries.integers().between(1, 6)).as(PathQuery::new);
  }

  @Property(tries = 500)
  void pathsEqualTheReference(
      @ForAll("logs") List<LoggedEvent> log, @ForAll("queries") PathQuery query) {
    EventTable table = JourneyLogs.table(log);

    PathsFound engine = Paths.of(table, Labels.EVENT_NAMES.engine(null, table), query);

    assertThat(engine)
        .isEqualTo(
            ReferencePaths.of(
                JourneyLogs.journeys(log), Labels.EVENT_NAMES.reference(null), query));
  }

  @Property(tries = 200)
  void countingTwoPartitionsAndMergingEqualsCountingTheWhole(
      @ForAll("logs") List<LoggedEvent> log, @ForAll("queries") PathQuery query) {
    Set<String> left = Set.of("p2", "p4");

    PathsFound merged =
        paths(log.stream().filter(e -> left.contains(e.profile())).toList(), query)
            .merge(paths(log.stream().filter(e -> !left.contains(e.profile())).toList(), query));

    assertThat(merged).isEqualTo(paths(log, query));
  }

  @Property(tries = 200)
  void everyPathRespectsTheQuery(
      @ForAll("logs") List<LoggedEvent> log, @ForAll("queries") PathQuery query) {
    for (PathCount path : paths(log, query).paths()) {
      assertThat(path.steps()).hasSizeLessThanOrEqualTo(query.steps());
      query.start().ifPresent(start -> assertThat(path.steps().getFirst()).isEqualTo(start));
      query.end().ifPresent(end -> assertThat(path.steps().getLast()).isEqualTo(end));
      for (int i = 1; i < path.steps().size(); i++) {
        assertThat(path.steps().get(i)).isNotEqualTo(path.steps().get(i - 1));
      }
    }
  }

  private static PathsFound paths(List<LoggedEvent> log, PathQuery query) {
    EventTable table = JourneyLogs.table(log);
    return Paths.of(table, Labels.EVENT_NAMES.engine(null, table), query);
  }
}
