package trailmap.maps.render;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.fop.svg.AbstractFOPTranscoder;
import org.apache.fop.svg.PDFTranscoder;

/**
 * Turns the map's SVG into a one-page PDF with Apache FOP's {@link PDFTranscoder}.
 *
 * <p>Text stays text ({@code KEY_STROKE_TEXT} off), so the PDF can be searched, copied from and
 * read by screen readers; FOP then sets it in its standard sans-serif font. The page is as large as
 * the drawing (at 96 pixels per inch), so a wide map gets a wide page rather than tiny text.
 */
final class PdfDocument {
  private PdfDocument() {}

  static byte[] render(String svg) {
    Headless.ensure();
    PDFTranscoder transcoder = new PDFTranscoder();
    transcoder.addTranscodingHint(AbstractFOPTranscoder.KEY_STROKE_TEXT, Boolean.FALSE);
    Headless.lockDown(transcoder);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try {
      transcoder.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
    } catch (TranscoderException e) {
      throw new RenderException("could not draw the map as PDF: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }
}
