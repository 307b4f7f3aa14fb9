package trailmap.maps.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import trailmap.maps.JourneyMap;

/** The server renders on request, so several maps are drawn at once on virtual threads. */
class ConcurrentRenderingTest {
  @Test
  void drawsTheSamePicturesWhenRequestsOverlap() throws Exception {
    JourneyMap map = MapFixtures.saas();
    byte[] png = MapRenderer.render(map, RenderFormat.PNG);
    String pdfText = text(MapRenderer.render(map, RenderFormat.PDF));

    List<Future<byte[]>> pngs = new ArrayList<>();
    List<Future<byte[]>> pdfs = new ArrayList<>();
    try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 3; i++) {
        pngs.add(requests.submit(() -> MapRenderer.render(map, RenderFormat.PNG)));
        pdfs.add(requests.submit(() -> MapRenderer.render(map, RenderFormat.PDF)));
      }
      for (Future<byte[]> result : pngs) {
        assertThat(result.get(2, TimeUnit.MINUTES)).isEqualTo(png);
      }
      for (Future<byte[]> result : pdfs) {
        assertThat(text(result.get(2, TimeUnit.MINUTES))).isEqualTo(pdfText);
      }
    }
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
