package trailmap.analytics.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trailmap.analytics.JourneyLogs.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trailmap.analytics.EventTable;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.LoggedEvent;
import trailmap.analytics.matching.Labelling;

class PathsTest {

  @Test
  void mergesConsecutiveRepeats() {
    PathsFound found =
        paths(query(null, null, 5), journey("a", "Home", "Home", "Pricing", "Pricing"));

    assertThat(found.paths()).containsExactly(new PathCount(List.of("Home", "Pricing"), 1));
  }

  @Test
  void beginsAtTheFirstStartAndEndsAtTheFirstEndAfterIt() {
    PathsFound found =
        paths(
            query("Pricing", "Signup", 5),
            journey("a", "Home", "Pricing", "Docs", "Pricing", "Signup", "Home", "Signup"));

    assertThat(found.paths())
        .containsExactly(new PathCount(List.of("Pricing", "Docs", "Pricing", "Signup"), 1));
  }

  @Test
  void excludesProfilesThatDoNotReachTheEndWithinKSteps() {
    List<LoggedEvent> log = new ArrayList<>();
    log.addAll(journey("near", "Home", "Signup"));
    log.addAll(journey("far", "Home", "A", "B", "Signup"));
    log.addAll(journey("never", "Home", "A"));

    PathsFound found = paths(query("Home", "Signup", 3), log.toArray(LoggedEvent[]::new));

    assertThat(found.profiles()).isEqualTo(3);
    assertThat(found.counted()).isEqualTo(1);
    assertThat(found.paths()).containsExactly(new PathCount(List.of("Home", "Signup"), 1));
  }

  @Test
  void stopsAfterKStepsWithoutAnEnd() {
    PathsFound found = paths(query(null, null, 2), journey("a", "A", "B", "C"));

    assertThat(found.paths()).containsExactly(new PathCount(List.of("A", "B"), 1));
  }

  @Test
  void countsSankeyEdgesPerStep() {
    List<LoggedEvent> log = new ArrayList<>(journey("a", "Home", "Pricing", "Signup"));
    log.addAll(journey("b", "Home", "Pricing", "Home"));

    PathsFound found = paths(query(null, null, 5), log.toArray(LoggedEvent[]::new));

    assertThat(found.edges())
        .containsExactly(
            new SankeyEdge(0, "Home", "Pricing", 2),
            new SankeyEdge(1, "Pricing", "Home", 1),
            new SankeyEdge(1, "Pricing", "Signup", 1));
  }

  @Test
  void countsBackAndForth() {
    PathsFound found =
        paths(query(null, null, 10), journey("a", "Pricing", "Trial", "Pricing", "Trial", "Paid"));

    assertThat(found.backAndForth())
        .containsExactly(
            new BackAndForth("Pricing", "Trial", 1), new BackAndForth("Trial", "Pricing", 1));
    assertThat(found.loops()).containsExactly(new Loop("Pricing", 1), new Loop("Trial", 1));
  }

  @Test
  void countsALoopOncePerProfile() {
    PathsFound found = paths(query(null, null, 10), journey("a", "Home", "A", "Home", "B", "Home"));

    assertThat(found.loops()).containsExactly(new Loop("Home", 1));
    assertThat(found.backAndForth())
        .containsExactly(new BackAndForth("Home", "A", 1), new BackAndForth("Home", "B", 1));
  }

  @Test
  void anUnknownStartCountsNoPaths() {
    PathsFound found = paths(query("Nowhere", null, 5), journey("a", "Home"));

    assertThat(found.profiles()).isEqualTo(1);
    assertThat(found.paths()).isEmpty();
  }

  @Test
  void refusesMoreThanTwentySteps() {
    assertThatThrownBy(() -> query(null, null, 21))
        .hasMessage("steps must be between 1 and 20, was 21");
  }

  private static PathQuery query(String start, String end, int steps) {
    return new PathQuery(Optional.ofNullable(start), Optional.ofNullable(end), steps);
  }

  private static List<LoggedEvent> journey(String profile, String... names) {
    List<LoggedEvent> events = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      events.add(track(profile, i, names[i]));
    }
    return events;
  }

  private static PathsFound paths(PathQuery query, List<LoggedEvent> log) {
    return paths(query, log.toArray(LoggedEvent[]::new));
  }

  private static PathsFound paths(PathQuery query, LoggedEvent... log) {
    EventTable table = JourneyLogs.table(List.of(log));
    return Paths.of(table, Labelling.eventNames(table), query);
  }
}
