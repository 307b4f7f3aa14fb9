package trailmap.maps.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import trailmap.maps.Emotion;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapState;
import trailmap.maps.Persona;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

class SvgDrawingTest {
  @TempDir Path dir;

  private Document renderAndReadBack(JourneyMap map) throws Exception {
    Path file = dir.resolve(map.id() + ".svg");
    Files.write(file, MapRenderer.render(map, RenderFormat.SVG));
    return SvgReading.parse(Files.readAllBytes(file));
  }

  @Test
  void isAStandaloneSvgWithSizeAndViewBox() throws Exception {
    Document svg = renderAndReadBack(MapFixtures.saas());

    Element root = svg.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    double width = Double.parseDouble(root.getAttribute("width"));
    double height = Double.parseDouble(root.getAttribute("height"));
    assertThat(width).isGreaterThan(1000);
    assertThat(height).isGreaterThan(500);
    assertThat(root.getAttribute("viewBox"))
        .isEqualTo("0 0 " + root.getAttribute("width") + " " + root.getAttribute("height"));
    assertThat(root.getAttribute("font-family")).isEqualTo("DejaVu Sans, Arial, sans-serif");
  }

  @Test
  void showsEveryStageAndTouchpointName() throws Exception {
    JourneyMap map = MapFixtures.saas();
    Document svg = renderAndReadBack(map);

    String stages = SvgReading.joined(svg, TextStyle.STAGE);
    String touchpoints = SvgReading.joined(svg, TextStyle.TOUCHPOINT);
    for (Stage stage : map.stages()) {
      assertThat(stages).contains(stage.name());
    }
    assertThat(map.touchpoints()).hasSize(9);
    map.touchpoints().forEach(t -> assertThat(touchpoints).contains(t.name()));
  }

  @Test
  void referencesNoImageFontOrOtherFile() throws Exception {
    String svg =
        new String(
            MapRenderer.render(MapFixtures.saas(), RenderFormat.SVG), StandardCharsets.UTF_8);

    assertThat(svg).doesNotContain("<image", "href", "<script", "url(", "@font-face");
    assertThat(svg.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
  }

  @Test
  void showsTheStateAsABadgeThatDiffersBetweenCurrentAndFuture() throws Exception {
    JourneyMap current = MapFixtures.saas();
    JourneyMap future =
        new JourneyMap(
            "saas-future",
            current.name(),
            MapState.FUTURE,
            "",
            "",
            current.reviewBy(),
            Optional.of("saas-current"),
            current.personas(),
            current.stages());

    Element currentBadge = SvgReading.texts(renderAndReadBack(current), TextStyle.BADGE).get(0);
    Element futureBadge = SvgReading.texts(renderAndReadBack(future), TextStyle.BADGE).get(0);

    assertThat(currentBadge.getTextContent()).isEqualTo("CURRENT STATE");
    assertThat(futureBadge.getTextContent()).isEqualTo("FUTURE STATE");
    assertThat(badgeColour(currentBadge)).isNotEqualTo(badgeColour(futureBadge));
  }

  private static String badgeColour(Element badgeText) {
    Element plate = (Element) badgeText.getPreviousSibling().getPreviousSibling();
    return plate.getAttribute("fill");
  }

  @Test
  void headerNamesOwnerReviewDateAndPersonas() throws Exception {
    String facts = SvgReading.joined(renderAndReadBack(MapFixtures.saas()), TextStyle.FACTS);

    assertThat(facts).contains("Owner: CX team", "Review by: 2027-03-31", "Personas: Alex, Sam");
  }

  @Test
  void drawsOneCurvePerPersonaThroughOnlyTheTouchpointsWhereItHasAnEmotion() throws Exception {
    Document svg = renderAndReadBack(MapFixtures.saas());

    List<Element> curves =
        SvgReading.elements(svg, "polyline").stream()
            .filter(e -> e.getAttribute("class").equals("emotion-curve"))
            .toList();
    assertThat(curves).hasSize(2);
    // Alex: linkedin-ad +1, blog +1, pricing -1, demo +2, signup 0, welcome 0, bank -2, close +2.
    assertScoresAlong(curves.get(0), List.of(1, 1, -1, 2, 0, 0, -2, 2));
    // Sam has no emotion at the demo call or the month-end close: those points are left out.
    assertScoresAlong(curves.get(1), List.of(1, 1, 0, -1, 0, -2, 1));
  }

  /** The curve's y values differ by one scale step per score point, higher scores higher up. */
  private static void assertScoresAlong(Element polyline, List<Integer> scores) {
    List<Double> ys = new ArrayList<>();
    for (String point : polyline.getAttribute("points").split(" ")) {
      ys.add(Double.parseDouble(point.split(",")[1]));
    }
    assertThat(ys).hasSameSizeAs(scores);
    for (int i = 1; i < ys.size(); i++) {
      double expected = (scores.get(0) - scores.get(i)) * GridLayout.EMOTION_STEP;
      assertThat(ys.get(i) - ys.get(0)).isCloseTo(expected, offset(0.01));
    }
  }

  @Test
  void labelsEmotionPoints() throws Exception {
    String labels = SvgReading.joined(renderAndReadBack(MapFixtures.saas()), TextStyle.EMOTION);

    assertThat(labels).contains("curious", "unsure", "confident", "frustrated", "annoyed");
  }

  @Test
  void keepsTheLabelsOfPersonasWhoFeelTheSameApart() throws Exception {
    List<Persona> personas =
        List.of(
            MapFixtures.ALEX, MapFixtures.SAM, new Persona("kim", "Kim", "", List.of(), List.of()));
    List<Emotion> emotions =
        List.of(
            MapFixtures.alex(-2, "angry"),
            MapFixtures.sam(-2, "furious"),
            new Emotion(Optional.of("kim"), -2, "fed up"));
    Touchpoint touchpoint =
        MapFixtures.touchpoint(
            "t", "T", "web", List.of(), List.of(), emotions, List.of(), List.of(), List.of(),
            List.of());
    JourneyMap map =
        new JourneyMap(
            "three",
            "Three",
            MapState.CURRENT,
            "",
            "",
            Optional.empty(),
            Optional.empty(),
            personas,
            List.of(new Stage("s", "S", "", List.of(), List.of(), List.of(touchpoint))));

    List<Element> labels = SvgReading.texts(renderAndReadBack(map), TextStyle.EMOTION);

    assertThat(labels).extracting(Element::getTextContent).contains("angry", "furious", "fed up");
    List<Double> baselines =
        labels.stream().map(e -> Double.parseDouble(e.getAttribute("y"))).sorted().toList();
    for (int i = 1; i < baselines.size(); i++) {
      assertThat(baselines.get(i) - baselines.get(i - 1))
          .isGreaterThanOrEqualTo(GridLayout.EMOTION_LABEL_LINE);
    }
    Grid.Row lane = GridLayout.layout(map).row(Lane.EMOTIONS);
    assertThat(baselines.getLast()).isLessThanOrEqualTo(lane.y() + lane.height());
  }

  @Test
  void writesKpisWithTheirTargetAndCurrentValue() throws Exception {
    String notes =
        SvgReading.joined(renderAndReadBack(MapFixtures.saas()), TextStyle.NOTE)
            .replace('\u00A0', ' ');

    assertThat(notes).contains("Trial → paid: 25 % (now 12 %)", "Ad click-through: 1.2 % (now");
  }

  @Test
  void givesPainPointsTheirSeverity() throws Exception {
    String severities =
        SvgReading.joined(renderAndReadBack(MapFixtures.saas()), TextStyle.SEVERITY);

    assertThat(severities).isEqualTo("MEDIUM HIGH MEDIUM CRITICAL LOW");
  }

  @Test
  void keepsHostileTextAsText() throws Exception {
    String hostile = "<script>alert(1)</script> & \"quotes\" 'too' \u0001\u0007 ]]>";
    Document svg = renderAndReadBack(MapFixtures.withTextEverywhere(hostile));

    assertThat(SvgReading.elements(svg, "script")).isEmpty();
    assertThat(svg.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("<script>alert(1)</script> & \"quotes\" 'too' \uFFFD\uFFFD ]]>");
  }

  @Test
  void drawsAStageWithoutTouchpointsAsAnEmptyColumn() throws Exception {
    JourneyMap saas = MapFixtures.saas();
    List<Stage> stages = new ArrayList<>(saas.stages());
    stages.add(new Stage("advocacy", "Advocacy", "", List.of(), List.of(), List.<Touchpoint>of()));
    JourneyMap map =
        new JourneyMap(
            saas.id(),
            saas.name(),
            saas.state(),
            "",
            "",
            saas.reviewBy(),
            saas.improves(),
            saas.personas(),
            stages);

    assertThat(SvgReading.joined(renderAndReadBack(map), TextStyle.STAGE)).endsWith("Advocacy");
    assertThat(GridLayout.layout(map).columns()).hasSize(10);
  }

  @Test
  void saysSoWhenNoEmotionIsRecorded() throws Exception {
    JourneyMap saas = MapFixtures.saas();
    Touchpoint bare =
        MapFixtures.touchpoint(
            "bare", "Bare", "web", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());
    JourneyMap map =
        new JourneyMap(
            "bare",
            "Bare",
            MapState.CURRENT,
            "",
            "",
            Optional.empty(),
            Optional.empty(),
            saas.personas(),
            List.of(new Stage("s", "Only", "", List.of(), List.of(), List.of(bare))));

    Document svg = renderAndReadBack(map);

    assertThat(SvgReading.joined(svg, TextStyle.EMPTY))
        .isEqualTo("No emotions recorded on this map");
    assertThat(SvgReading.elements(svg, "polyline")).isEmpty();
  }

  @Test
  void isTheSameEveryTime() {
    byte[] first = MapRenderer.render(MapFixtures.large(3, 4), RenderFormat.SVG);
    byte[] second = MapRenderer.render(MapFixtures.large(3, 4), RenderFormat.SVG);

    assertThat(second).isEqualTo(first);
  }
}
