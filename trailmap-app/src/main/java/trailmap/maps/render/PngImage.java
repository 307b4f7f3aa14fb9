package trailmap.maps.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;

/**
 * Rasterises the map's SVG with Apache Batik and encodes it as PNG with the JDK's ImageIO writer.
 *
 * <p>Batik's {@link ImageTranscoder} (the base of its {@code PNGTranscoder}) draws the SVG into an
 * opaque RGB image; the JDK's PNG writer then encodes it at a fast deflate level. Measured on a
 * normal map (3,636 × 1,790 px), {@code PNGTranscoder} itself took about 1.2 s of CPU, mostly in
 * its alpha-channel image and encoder, against about 0.35 s for this pair, and the server draws
 * PNGs on request.
 *
 * <p>Scale: twice the SVG's size, so text stays crisp on high-density screens and when zoomed in
 * slides, but never wider than {@value #MAX_WIDTH} pixels, which keeps a large map's image (and the
 * memory to draw it) bounded; a map too wide even for that is drawn at 1×, so its text stays
 * legible. Only a map so large that 1× would exceed {@value #MAX_PIXELS} pixels in all (about 300
 * touchpoints) is shrunk to that budget, because a server must not run out of memory drawing it;
 * SVG and PDF have no such limit. Both pixel dimensions are the SVG's times the scale, rounded.
 */
final class PngImage {
  static final double PREFERRED_SCALE = 2.0;
  static final int MAX_WIDTH = 8192;
  static final double MAX_PIXELS = 40_000_000;

  /** JDK PNG writer: quality 0.9 means deflate level 1, a third faster than the default. */
  private static final float COMPRESSION_QUALITY = 0.9f;

  private PngImage() {}

  /** The scale factor used for an SVG of this size in pixels. */
  static double scale(double svgWidth, double svgHeight) {
    double legible = Math.max(1.0, Math.min(PREFERRED_SCALE, MAX_WIDTH / svgWidth));
    return Math.min(legible, Math.sqrt(MAX_PIXELS / (svgWidth * svgHeight)));
  }

  static byte[] render(String svg, double svgWidth, double svgHeight) {
    Headless.ensure();
    double scale = scale(svgWidth, svgHeight);
    Rasterizer rasterizer = new Rasterizer();
    rasterizer.addTranscodingHint(
        SVGAbstractTranscoder.KEY_WIDTH, (float) Math.round(svgWidth * scale));
    rasterizer.addTranscodingHint(
        SVGAbstractTranscoder.KEY_HEIGHT, (float) Math.round(svgHeight * scale));
    rasterizer.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, Color.WHITE);
    Headless.lockDown(rasterizer);
    try {
      rasterizer.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput());
    } catch (TranscoderException e) {
      throw new RenderException("could not draw the map as PNG: " + e.getMessage(), e);
    }
    BufferedImage image =
        rasterizer.image.orElseThrow(
            () -> new IllegalStateException("Batik finished without producing an image"));
    return encode(image);
  }

  private static byte[] encode(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ImageWriteParam parameters = writer.getDefaultWriteParam();
    parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    parameters.setCompressionQuality(COMPRESSION_QUALITY);
    ByteArrayOutputStream out = new ByteArrayOutputStream(512 * 1024);
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), parameters);
    } catch (IOException e) {
      throw new RenderException("could not encode the map as PNG: " + e.getMessage(), e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** Keeps the image Batik drew instead of writing it, so ImageIO can encode it. */
  private static final class Rasterizer extends ImageTranscoder {
    private Optional<BufferedImage> image = Optional.empty();

    @Override
    public BufferedImage createImage(int width, int height) {
      return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    @Override
    public void writeImage(BufferedImage drawn, TranscoderOutput output) {
      image = Optional.of(drawn);
    }
  }
}
