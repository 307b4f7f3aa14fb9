package trailmap.maps.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import trailmap.maps.JourneyMap;

class TextWrapTest {
  @Property
  void everyLineFitsTheWidth(
      @ForAll @StringLength(max = 400) String text,
      @ForAll @DoubleRange(min = 40, max = 600) double width) {
    for (String line : TextWrap.wrap(text, width, TextStyle.NOTE, 50)) {
      assertThat(TextStyle.NOTE.width(line)).isLessThanOrEqualTo(width);
    }
  }

  @Property
  void keepsEveryWordInOrderWhenNothingIsCut(
      @ForAll @StringLength(max = 200) String text,
      @ForAll @DoubleRange(min = 200, max = 600) double width) {
    List<String> lines = TextWrap.wrap(text, width, TextStyle.NOTE, 1000);
    String words = String.join(" ", text.trim().split("\\s+")).trim();
    // A word wider than the line is cut without a space, so compare without spaces.
    assertThat(String.join(" ", lines).replace(" ", "")).isEqualTo(words.replace(" ", ""));
  }

  @Test
  void breaksBetweenWords() {
    List<String> lines = TextWrap.wrap("Looks for the price of payroll", 140, TextStyle.NOTE, 8);

    assertThat(lines).containsExactly("Looks for the price of", "payroll");
  }

  @Test
  void cutsAWordWiderThanTheLine() {
    List<String> lines = TextWrap.wrap("x".repeat(100), 100, TextStyle.NOTE, 8);

    assertThat(lines).hasSizeGreaterThan(5);
    assertThat(String.join("", lines)).isEqualTo("x".repeat(100));
  }

  @Test
  void endsInAnEllipsisWhenTheTextIsLongerThanTheLinesAllowed() {
    List<String> lines = TextWrap.wrap("word ".repeat(200), 150, TextStyle.NOTE, 3);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).endsWith("…");
    assertThat(TextStyle.NOTE.width(lines.get(2))).isLessThanOrEqualTo(150);
  }

  @Test
  void returnsNoLinesForBlankText() {
    assertThat(TextWrap.wrap("  \n ", 100, TextStyle.NOTE, 3)).isEmpty();
  }

  @Test
  void countsBoldTextWiderAndWideCharactersWiderStill() {
    assertThat(TextStyle.TOUCHPOINT.width("Pricing")).isGreaterThan(TextStyle.LANE.width("Pri"));
    assertThat(TextMetrics.width("W", 12, true)).isGreaterThan(TextMetrics.width("W", 12, false));
    assertThat(TextMetrics.width("価格", 12, false)).isEqualTo(24.0);
    assertThat(TextMetrics.width("iii", 12, false)).isLessThan(TextMetrics.width("mmm", 12, false));
  }

  @Test
  void keepsEveryLineOfTheLargeMapInsideItsCell() {
    Grid grid = GridLayout.layout(MapFixtures.large(8, 5));
    double padding = GridLayout.CELL_PADDING;

    for (Grid.Column column : grid.columns()) {
      double inner = column.width() - 2 * padding;
      for (String line : column.nameLines()) {
        assertThat(TextStyle.TOUCHPOINT.width(line)).isLessThanOrEqualTo(inner);
      }
      for (Lane lane : Lane.values()) {
        for (Note note : column.notes(lane)) {
          for (String line : note.lines()) {
            assertThat(TextStyle.NOTE.width(line))
                .as("%s in %s", line, lane)
                .isLessThanOrEqualTo(inner - note.kind().inset());
          }
        }
      }
    }
    for (Grid.StageSpan stage : grid.stages()) {
      for (String line : stage.nameLines()) {
        assertThat(TextStyle.STAGE.width(line)).isLessThanOrEqualTo(stage.width() - 2 * padding);
      }
    }
  }

  @Test
  void wrapsLongTextInTheDrawingWithinItsColumn() throws Exception {
    String longText =
        "A very long note that a team wrote without thinking about the width of a column. "
                .repeat(6)
            + "x".repeat(300);
    JourneyMap map = MapFixtures.withTextEverywhere(longText);
    Grid grid = GridLayout.layout(map);
    Grid.Column column = grid.columns().get(0);
    double right = column.x() + column.width() - GridLayout.CELL_PADDING;

    Document svg = SvgReading.parse(MapRenderer.render(map, RenderFormat.SVG));

    List<Element> lines = SvgReading.texts(svg, TextStyle.NOTE);
    assertThat(lines).hasSizeGreaterThan(10);
    for (Element line : lines) {
      double x = Double.parseDouble(line.getAttribute("x"));
      assertThat(x + TextStyle.NOTE.width(line.getTextContent())).isLessThanOrEqualTo(right);
    }
    for (Element line : SvgReading.texts(svg, TextStyle.TOUCHPOINT)) {
      double x = Double.parseDouble(line.getAttribute("x"));
      assertThat(x + TextStyle.TOUCHPOINT.width(line.getTextContent())).isLessThanOrEqualTo(right);
    }
  }
}
