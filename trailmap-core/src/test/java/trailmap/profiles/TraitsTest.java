package trailmap.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import trailmap.events.JsonValue;

class TraitsTest {
  static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void theLaterEventTimeWinsWhateverTheLogOrder() {
    TraitObservation late = plan("pro", T.plusSeconds(60), 1);
    TraitObservation early = plan("free", T, 2);
    assertThat(Traits.current(List.of(late, early))).containsEntry("plan", late);
  }

  @Test
  void atEqualTimesTheLaterLogPositionWins() {
    TraitObservation first = plan("free", T, 1);
    TraitObservation second = plan("pro", T, 2);
    assertThat(Traits.current(List.of(second, first))).containsEntry("plan", second);
  }

  @Property(tries = 200)
  void theCurrentValuesDoNotDependOnTheOrderObservationsAreSeenIn(
      @ForAll @IntRange(min = 1, max = 30) int count, @ForAll long seed) {
    Random random = new Random(seed);
    List<TraitObservation> observations = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      observations.add(
          new TraitObservation(
              "t" + random.nextInt(3),
              new JsonValue.Num(i),
              T.plusSeconds(random.nextInt(5)),
              i,
              "m" + i));
    }
    List<TraitObservation> shuffled = new ArrayList<>(observations);
    Collections.shuffle(shuffled, random);
    assertThat(Traits.current(shuffled)).isEqualTo(Traits.current(observations));
  }

  static TraitObservation plan(String value, Instant at, long position) {
    return new TraitObservation("plan", new JsonValue.Str(value), at, position, "m" + position);
  }
}
