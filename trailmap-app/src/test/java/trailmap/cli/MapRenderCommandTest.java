package trailmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapRenderCommandTest {
  @TempDir Path dir;
  Path map;

  @BeforeEach
  void writeATemplate() {
    map = dir.resolve("retail.yaml");
    assertThat(CliRun.of("map", "new", "--template", "retail", "-o", map.toString()).exitCode())
        .isZero();
  }

  @Test
  void rendersAPngThatDecodes() throws IOException {
    Path png = dir.resolve("map.png");

    CliRun run =
        CliRun.of("map", "render", map.toString(), "--format", "png", "-o", png.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isGreaterThan(1000);
    assertThat(image.getHeight()).isGreaterThan(500);
  }

  @Test
  void takesTheFormatFromTheOutputExtension() throws IOException {
    Path svg = dir.resolve("map.svg");
    Path mermaid = dir.resolve("map.mmd");

    assertThat(CliRun.of("map", "render", map.toString(), "-o", svg.toString()).exitCode())
        .isZero();
    assertThat(CliRun.of("map", "render", map.toString(), "-o", mermaid.toString()).exitCode())
        .isZero();

    assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg");
    assertThat(Files.readString(mermaid)).startsWith("journey\n");
  }

  @Test
  void namesTheValidFormatsForAnUnknownOne() {
    CliRun run =
        CliRun.of(
            "map",
            "render",
            map.toString(),
            "--format",
            "gif",
            "-o",
            dir.resolve("m.gif").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("trailmap: unknown format 'gif'; use one of html, svg, png, pdf, mermaid");
  }

  @Test
  void refusesAnInvalidMapAndWritesNothing() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "id: Bad Id\nname: x\n");
    Path out = dir.resolve("bad.html");

    CliRun run = CliRun.of("map", "render", bad.toString(), "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("trailmap: " + bad + ":1:1: the map is missing required field 'state'")
        .contains("and 3 more");
    assertThat(out).doesNotExist();
  }
}
