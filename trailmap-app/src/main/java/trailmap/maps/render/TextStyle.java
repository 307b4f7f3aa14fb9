package trailmap.maps.render;

import java.util.Locale;

/**
 * The kinds of text on a map, each with its size, weight and alignment. The layout measures with
 * the same sizes the drawing uses, and each text element's {@code class} names its style.
 */
enum TextStyle {
  BADGE(11, true, false, "start"),
  TITLE(24, true, false, "start"),
  FACTS(13, false, false, "start"),
  LANE(13, true, false, "start"),
  STAGE(15, true, false, "start"),
  STAGE_DESCRIPTION(11, false, false, "start"),
  CHANNEL(10, true, false, "start"),
  TOUCHPOINT(13, true, false, "start"),
  NOTE(12, false, false, "start"),
  THOUGHT(12, false, true, "start"),
  SEVERITY(9.5, true, false, "start"),
  EMOTION(10, false, false, "middle"),
  TICK(10, false, false, "end"),
  LEGEND(11, false, false, "start"),
  EMPTY(12, false, true, "middle");

  private final double size;
  private final boolean bold;
  private final boolean italic;
  private final String anchor;

  TextStyle(double size, boolean bold, boolean italic, String anchor) {
    this.size = size;
    this.bold = bold;
    this.italic = italic;
    this.anchor = anchor;
  }

  /** Font size in pixels. */
  double size() {
    return size;
  }

  boolean bold() {
    return bold;
  }

  boolean italic() {
    return italic;
  }

  /** The SVG {@code text-anchor}: start, middle or end. */
  String anchor() {
    return anchor;
  }

  /** The {@code class} attribute of text in this style, e.g. {@code stage-description}. */
  String cssClass() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The estimated width of {@code text} in this style, see {@link TextMetrics}. */
  double width(String text) {
    return TextMetrics.width(text, size, bold);
  }
}
