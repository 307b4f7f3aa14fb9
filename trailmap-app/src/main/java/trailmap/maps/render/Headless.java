package trailmap.maps.render;

import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.Transcoder;

/** What every Batik transcoding needs on a server: no display, and no scripts or fetching. */
final class Headless {
  private Headless() {}

  /**
   * Sets {@code java.awt.headless} unless the process chose otherwise, since Batik draws with AWT
   * and a server has no display.
   */
  static void ensure() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /**
   * Our SVG has no scripts and no external references; these hints make sure Batik would not run or
   * fetch any even if one slipped in.
   */
  static void lockDown(Transcoder transcoder) {
    transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_EXECUTE_ONLOAD, Boolean.FALSE);
    transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_ALLOWED_SCRIPT_TYPES, "");
    transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_CONSTRAIN_SCRIPT_ORIGIN, Boolean.TRUE);
  }
}
