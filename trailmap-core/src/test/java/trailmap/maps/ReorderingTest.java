package trailmap.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which elements a reordering reports as moved. */
class ReorderingTest {

  @Test
  void movesNothingWhenElementsAreOnlyInsertedOrRemoved() {
    assertThat(Reordering.moved(List.of("a", "b", "c"), List.of("x", "a", "c", "y"))).isEmpty();
  }

  @Test
  void movesOnlyTheElementThatWasTakenOut() {
    assertThat(Reordering.moved(List.of("a", "b", "c", "d"), List.of("b", "c", "d", "a")))
        .containsExactly("a");
  }

  @Test
  void prefersTheElementThatTravelledFartherWhenTwoAnswersAreEquallyShort() {
    // among the shared ids [b, c] -> [c, b] either one "moved"; c went from 3rd to 1st
    assertThat(Reordering.moved(List.of("a", "b", "c"), List.of("c", "b"))).containsExactly("c");
  }

  @Test
  void movesAllButOneElementOfAReversal() {
    assertThat(Reordering.moved(List.of("a", "b", "c"), List.of("c", "b", "a"))).hasSize(2);
  }
}
