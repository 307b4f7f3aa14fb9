package trailmap.maps.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.fop.configuration.ConfigurationException;
import org.apache.fop.configuration.DefaultConfiguration;
import org.apache.fop.configuration.DefaultConfigurationBuilder;
import org.apache.fop.svg.AbstractFOPTranscoder;
import org.apache.fop.svg.PDFTranscoder;

/**
 * Turns the map's SVG into a one-page PDF with Apache FOP's {@link PDFTranscoder}.
 *
 * <p>Text stays text ({@code KEY_STROKE_TEXT} off), so the PDF can be searched, copied from and
 * read by screen readers. FOP looks for the system's fonts ({@code <auto-detect/>}) and embeds the
 * subset it uses, so the PDF shows the same DejaVu Sans as the PNG, including letters outside
 * Latin-1 (ł, ő, Cyrillic, Greek); without system fonts it falls back to Helvetica, which lacks
 * those. FOP remembers the fonts it found in its cache file ({@code ~/.fop/fop-fonts.cache}): the
 * first PDF of a machine takes a few seconds longer, later ones about 0.3 s.
 *
 * <p>The page is as large as the drawing (at 96 pixels per inch), so a wide map gets a wide page
 * rather than tiny text.
 */
final class PdfDocument {
  private static final String FOP_CONFIGURATION = "<fop><fonts><auto-detect/></fonts></fop>";

  private PdfDocument() {}

  static byte[] render(String svg) {
    Headless.ensure();
    PDFTranscoder transcoder = new PDFTranscoder();
    transcoder.addTranscodingHint(AbstractFOPTranscoder.KEY_STROKE_TEXT, Boolean.FALSE);
    Headless.lockDown(transcoder);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try {
      transcoder.configure(configuration());
      transcoder.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
    } catch (TranscoderException | ConfigurationException e) {
      throw new RenderException("could not draw the map as PDF: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static DefaultConfiguration configuration() throws ConfigurationException {
    byte[] xml = FOP_CONFIGURATION.getBytes(StandardCharsets.UTF_8);
    return new DefaultConfigurationBuilder().build(new ByteArrayInputStream(xml));
  }
}
