package trailmap.maps.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import trailmap.maps.JourneyMap;

/**
 * Renders the fixtures in every format to {@code target/render-samples} (kept, so a person can look
 * at them) and reads each file back with an independent reader.
 */
class MapRendererTest {
  private static final Path SAMPLES = Path.of("target", "render-samples");

  @ParameterizedTest
  @EnumSource(RenderFormat.class)
  void rendersALargeMapOfEightStagesAndFortyTouchpoints(RenderFormat format) throws Exception {
    JourneyMap map = MapFixtures.large(8, 5);
    assertThat(map.touchpoints()).hasSize(40);

    Path file = write("large-8x40", map, format);

    assertReadable(file, format, map);
  }

  @ParameterizedTest
  @EnumSource(RenderFormat.class)
  void rendersANormalMap(RenderFormat format) throws Exception {
    JourneyMap map = MapFixtures.saas();

    Path file = write("saas", map, format);

    assertReadable(file, format, map);
  }

  private static Path write(String name, JourneyMap map, RenderFormat format) throws Exception {
    Files.createDirectories(SAMPLES);
    Path file = SAMPLES.resolve(name + "." + format.extension());
    Files.write(file, MapRenderer.render(map, format));
    return file;
  }

  private static void assertReadable(Path file, RenderFormat format, JourneyMap map)
      throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    String lastTouchpoint = map.stages().getLast().touchpoints().getLast().name();
    switch (format) {
      case SVG ->
          assertThat(SvgReading.joined(SvgReading.parse(bytes), TextStyle.TOUCHPOINT))
              .contains(lastTouchpoint);
      case HTML -> {
        String html = new String(bytes, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + 6);
        byte[] svgBytes = svg.getBytes(StandardCharsets.UTF_8);
        assertThat(SvgReading.joined(SvgReading.parse(svgBytes), TextStyle.TOUCHPOINT))
            .contains(lastTouchpoint);
      }
      case PNG -> assertThat(ImageIO.read(file.toFile()).getWidth()).isGreaterThan(1000);
      case PDF -> {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
          assertThat(pdf.getNumberOfPages()).isEqualTo(1);
        }
      }
      case MERMAID ->
          assertThat(new String(bytes, StandardCharsets.UTF_8))
              .startsWith("journey\n")
              .contains(MermaidJourney.clean(lastTouchpoint));
    }
  }
}
