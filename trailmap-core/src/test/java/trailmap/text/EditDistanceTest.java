package trailmap.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {
  @ParameterizedTest
  @CsvSource({
    "colour, color, 1",
    "Pricing, Pricnig, 1",
    "Signed Up, Signed Up, 0",
    "'', abc, 3",
    "kitten, sitting, 3",
    "ca, abc, 3"
  })
  void countsInsertionsDeletionsSubstitutionsAndAdjacentSwaps(String a, String b, int edits) {
    assertThat(EditDistance.between(a, b)).isEqualTo(edits);
    assertThat(EditDistance.between(b, a)).isEqualTo(edits);
  }
}
