package trailmap.maps.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.maps.JourneyMap;
import trailmap.maps.Stage;

class PdfDocumentTest {
  @TempDir Path dir;

  private String renderAndExtractText(JourneyMap map) throws Exception {
    Path file = dir.resolve(map.id() + ".pdf");
    Files.write(file, MapRenderer.render(map, RenderFormat.PDF));
    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      return new PDFTextStripper().getText(pdf);
    }
  }

  @Test
  void keepsTextAsTextSoEveryStageNameCanBeFound() throws Exception {
    JourneyMap map = MapFixtures.saas();

    String text = renderAndExtractText(map);

    for (Stage stage : map.stages()) {
      assertThat(text).contains(stage.name());
    }
    assertThat(text).contains("B2B SaaS accounting", "LinkedIn ad", "Pricing page", "CRITICAL");
  }

  @Test
  void rendersTheLargeMapWithEveryStageName() throws Exception {
    JourneyMap map = MapFixtures.large(8, 5);

    String text = renderAndExtractText(map);

    for (Stage stage : map.stages()) {
      assertThat(text).contains(stage.name());
    }
  }

  @Test
  void keepsLettersBeyondLatin1() throws Exception {
    String text = renderAndExtractText(MapFixtures.withTextEverywhere("Zażółć gęślą jaźń"));

    assertThat(text).contains("Zażółć gęślą jaźń");
  }

  @Test
  void makesThePageAsLargeAsTheDrawing() throws Exception {
    JourneyMap map = MapFixtures.saas();
    Grid grid = GridLayout.layout(map);

    try (PDDocument pdf = Loader.loadPDF(MapRenderer.render(map, RenderFormat.PDF))) {
      var page = pdf.getPage(0).getMediaBox();
      // 96 pixels per inch, 72 points per inch.
      assertThat((double) page.getWidth()).isCloseTo(grid.width() * 0.75, offset(1.0));
      assertThat((double) page.getHeight()).isCloseTo(grid.height() * 0.75, offset(1.0));
    }
  }
}
