package trailmap.maps.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import trailmap.maps.JourneyMap;

class PngImageTest {
  @TempDir Path dir;

  private BufferedImage renderAndReadBack(JourneyMap map) throws Exception {
    Path file = dir.resolve(map.id() + ".png");
    Files.write(file, MapRenderer.render(map, RenderFormat.PNG));
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).as("ImageIO decodes %s", file).isNotNull();
    return image;
  }

  private static double[] svgSize(JourneyMap map) throws Exception {
    Element root = SvgReading.parse(MapRenderer.render(map, RenderFormat.SVG)).getDocumentElement();
    return new double[] {
      Double.parseDouble(root.getAttribute("width")),
      Double.parseDouble(root.getAttribute("height"))
    };
  }

  @Test
  void drawsANormalMapAtTwiceItsSvgSize() throws Exception {
    JourneyMap map = MapFixtures.saas();
    double[] svg = svgSize(map);

    BufferedImage image = renderAndReadBack(map);

    assertThat(image.getWidth()).isEqualTo((int) Math.round(svg[0] * 2));
    assertThat(image.getHeight()).isEqualTo((int) Math.round(svg[1] * 2));
  }

  @Test
  void drawsAWideMapNoWiderThanTheLimitButNeverBelowItsSvgSize() throws Exception {
    JourneyMap map = MapFixtures.large(8, 5);
    double[] svg = svgSize(map);
    double scale = PngImage.MAX_WIDTH / svg[0];

    BufferedImage image = renderAndReadBack(map);

    assertThat(scale).isBetween(1.0, 2.0);
    assertThat(image.getWidth()).isEqualTo(PngImage.MAX_WIDTH);
    assertThat(image.getHeight()).isEqualTo((int) Math.round(svg[1] * scale));
  }

  @Test
  void shrinksOnlyAMapTooLargeForThePixelBudget() {
    assertThat(PngImage.scale(1_000, 800)).isEqualTo(2.0);
    assertThat(PngImage.scale(20_000, 1_500)).isEqualTo(1.0);
    double huge = PngImage.scale(100_000, 2_000);
    assertThat(huge).isLessThan(1.0);
    assertThat(100_000 * huge * 2_000 * huge).isCloseTo(PngImage.MAX_PIXELS, offset(1.0));
  }

  @Test
  void paintsTheStageBandInTheStageColour() throws Exception {
    JourneyMap map = MapFixtures.saas();
    Grid grid = GridLayout.layout(map);
    Grid.StageSpan first = grid.stages().get(0);
    // Inside the first stage's band, right of its name, where nothing else is drawn.
    int x = (int) Math.round((first.x() + first.width() - 8) * 2);
    int y = (int) Math.round((grid.stageRow().y() + 6) * 2);

    BufferedImage image = renderAndReadBack(map);

    assertThat(image.getRGB(x, y) & 0xFFFFFF).isEqualTo(0x334E68);
    assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
  }
}
