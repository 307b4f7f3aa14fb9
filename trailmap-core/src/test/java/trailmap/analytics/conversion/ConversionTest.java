package trailmap.analytics.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static trailmap.analytics.JourneyLogs.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;
import trailmap.analytics.JourneyLogs;
import trailmap.analytics.LoggedEvent;

class ConversionTest {
  private static final long S = 1_000_000L;

  @Test
  void convertsFromTheEarliestFirstStepThatReachesTheSecondWithinTheWindow() {
    EventTable table =
        JourneyLogs.table(
            List.of(
                track("a", 0, "Viewed Pricing"),
                track("a", 100, "Viewed Pricing"),
                track("a", 130, "Paid"),
                track("b", 0, "Viewed Pricing"),
                track("c", 0, "Paid"),
                track("c", 5, "Viewed Pricing")));

    ConversionFound found =
        Conversion.of(
            table,
            StepTest.named(table, "Viewed Pricing"),
            StepTest.named(table, "Paid"),
            60 * S,
            EventFilter.ALL);

    assertThat(found.entered()).isEqualTo(3);
    assertThat(found.converted()).isEqualTo(1);
    assertThat(found.seconds()).containsExactly(30.0);
    assertThat(found.dropOff().estimate()).isEqualTo(2.0 / 3);
  }

  @Test
  void anEventThatIsBothStepsDoesNotConvertFromItself() {
    EventTable table =
        JourneyLogs.table(
            List.of(track("a", 0, "Paid"), track("b", 0, "Paid"), track("b", 0, "Paid")));

    ConversionFound found =
        Conversion.of(
            table,
            StepTest.named(table, "Paid"),
            StepTest.named(table, "Paid"),
            0,
            EventFilter.ALL);

    assertThat(found.entered()).isEqualTo(2);
    assertThat(found.converted()).isEqualTo(1);
  }

  @Property(tries = 300)
  void countsWhatTheReferenceCounts(
      @ForAll("logs") List<LoggedEvent> log, @ForAll @LongRange(min = 0, max = 45) long window) {
    EventTable table = JourneyLogs.table(log);
    ConversionFound found =
        Conversion.of(
            table,
            StepTest.named(table, "Viewed Pricing"),
            StepTest.named(table, "Started Trial"),
            window * S,
            EventFilter.within(5 * S, 30 * S));

    assertThat(found).isEqualTo(reference(log, window * S));
  }

  @Property(tries = 200)
  void partitionsMergeToTheWhole(@ForAll("logs") List<LoggedEvent> log) {
    Set<String> left = Set.of("p2", "p5");
    ConversionFound a = whole(log.stream().filter(e -> left.contains(e.profile())).toList());
    ConversionFound b = whole(log.stream().filter(e -> !left.contains(e.profile())).toList());

    assertThat(a.merge(b)).isEqualTo(whole(log));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<List<LoggedEvent>> logs() {
    return JourneyLogs.logs();
  }

  private static ConversionFound whole(List<LoggedEvent> log) {
    EventTable table = JourneyLogs.table(log);
    return Conversion.of(
        table,
        StepTest.named(table, "Ad Clicked"),
        StepTest.named(table, "Paid"),
        Conversion.NO_WINDOW,
        EventFilter.ALL);
  }

  /** Every A in range against every later B, plainly. */
  private static ConversionFound reference(List<LoggedEvent> log, long window) {
    long entered = 0;
    List<Double> seconds = new ArrayList<>();
    for (List<LoggedEvent> journey : JourneyLogs.journeys(log)) {
      boolean enters = false;
      outer:
      for (int i = 0; i < journey.size(); i++) {
        LoggedEvent a = journey.get(i);
        if (!a.name().equals("Viewed Pricing") || a.micros() < 5 * S || a.micros() >= 30 * S) {
          continue;
        }
        enters = true;
        for (int j = i + 1; j < journey.size(); j++) {
          LoggedEvent b = journey.get(j);
          if (b.name().equals("Started Trial")) {
            if (b.micros() - a.micros() <= window) {
              seconds.add((b.micros() - a.micros()) / 1e6);
              break outer;
            }
            break;
          }
        }
      }
      entered += enters ? 1 : 0;
    }
    return new ConversionFound(
        entered, seconds.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
