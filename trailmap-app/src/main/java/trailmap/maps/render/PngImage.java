package trailmap.maps.render;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/**
 * Rasterises the map's SVG with Apache Batik's {@link PNGTranscoder}.
 *
 * <p>Scale: twice the SVG's size, so text stays crisp on high-density screens and when zoomed in
 * slides, but never wider than {@value #MAX_WIDTH} pixels, which keeps a large map's image (and the
 * memory to draw it) bounded; a map too wide even for that is drawn at 1×, never smaller, so its
 * text stays legible. Both pixel dimensions are rounded to the nearest pixel.
 */
final class PngImage {
  static final double PREFERRED_SCALE = 2.0;
  static final int MAX_WIDTH = 8192;

  private PngImage() {}

  /** The scale factor used for an SVG {@code svgWidth} pixels wide. */
  static double scale(double svgWidth) {
    return Math.max(1.0, Math.min(PREFERRED_SCALE, MAX_WIDTH / svgWidth));
  }

  static byte[] render(String svg, double svgWidth, double svgHeight) {
    Headless.ensure();
    double scale = scale(svgWidth);
    PNGTranscoder transcoder = new PNGTranscoder();
    transcoder.addTranscodingHint(
        SVGAbstractTranscoder.KEY_WIDTH, (float) Math.round(svgWidth * scale));
    transcoder.addTranscodingHint(
        SVGAbstractTranscoder.KEY_HEIGHT, (float) Math.round(svgHeight * scale));
    Headless.lockDown(transcoder);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try {
      transcoder.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
    } catch (TranscoderException e) {
      throw new RenderException("could not draw the map as PNG: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }
}
