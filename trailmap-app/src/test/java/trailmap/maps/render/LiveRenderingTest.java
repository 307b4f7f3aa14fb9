package trailmap.maps.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.analytics.EventTable;
import trailmap.analytics.journey.LiveAnalysis;
import trailmap.analytics.live.LiveFigures;
import trailmap.analytics.store.EventTables;
import trailmap.analytics.store.LoadOptions;
import trailmap.generate.DemoData;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapState;
import trailmap.maps.format.MapReader;
import trailmap.maps.templates.MapTemplates;

/**
 * The saas template drawn with live figures from 3,000 generated profiles. Leaves
 * target/screenshots/saas-live.png and .svg to look at.
 */
class LiveRenderingTest {
  @TempDir static Path dir;
  static JourneyMap saas;
  static LiveFigures live;
  static EventTable table;

  @BeforeAll
  static void measure() {
    DemoData.generate(dir, 3_000);
    table = EventTables.load(dir, LoadOptions.all()).table();
    saas = MapReader.read("saas", MapTemplates.yaml("saas", MapState.CURRENT)).map().orElseThrow();
    live = LiveAnalysis.figures(table, saas);
  }

  @Test
  void drawsTheLiveLaneTheSurveyEmotionCurveAndTheVerdicts() throws Exception {
    String svg =
        new String(
            MapRenderer.render(saas, RenderFormat.SVG, Optional.of(live)), StandardCharsets.UTF_8);

    Path out = Path.of("target", "screenshots");
    Files.createDirectories(out);
    Files.writeString(out.resolve("saas-live.svg"), svg);
    Files.writeString(
        out.resolve("saas-live.json"),
        LiveAnalysis.answer(saas, live, LiveAnalysis.friction(table, saas)).toPrettyString());
    assertThat(svg)
        .contains(">Live data<", ">From surveys<", "survey-emotion-curve", ">Reached ")
        .contains(">SUPPORTED<")
        .contains("Emotion from surveys at ");
    byte[] png = MapRenderer.render(saas, RenderFormat.PNG, Optional.of(live));
    Files.write(out.resolve("saas-live.png"), png);
    assertThat(png.length).isGreaterThan(50_000);
  }

  @Test
  void everyLiveCellFitsItsLane() {
    Grid grid = GridLayout.layout(saas, true, Optional.of(live));

    Grid.Row row = grid.row(Lane.LIVE);
    for (Grid.Column column : grid.columns()) {
      Grid.StageSpan stage = grid.stages().get(column.stageIndex());
      double used =
          GridLayout.stageBlockHeight(stage, Lane.LIVE)
              + 2 * GridLayout.CELL_PADDING
              + Note.stackHeight(column.notes(Lane.LIVE));
      assertThat(used).isLessThanOrEqualTo(row.height());
    }
  }

  @Test
  void withoutLiveFiguresTheDrawingIsTheMapAlone() {
    byte[] plain = MapRenderer.render(saas, RenderFormat.SVG);

    assertThat(MapRenderer.render(saas, RenderFormat.SVG, Optional.empty())).isEqualTo(plain);
    assertThat(new String(plain, StandardCharsets.UTF_8)).doesNotContain("Live data");
  }
}
