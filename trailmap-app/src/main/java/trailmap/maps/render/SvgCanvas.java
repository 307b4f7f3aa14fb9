package trailmap.maps.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes SVG markup into a string: shapes, styled text and generic elements whose attributes are
 * given as name/value pairs; every value and every text is escaped. Numbers are written with at
 * most two decimals and a dot, whatever the default locale, so the same map always gives the same
 * bytes. A colour or dash pattern given as {@link #INHERIT} is left out, so the element takes it
 * from its group.
 *
 * <p>Not thread-safe; one canvas per drawing.
 */
final class SvgCanvas {
  /** Leaves a colour or dash pattern to the enclosing group. */
  static final String INHERIT = "";

  private final StringBuilder out = new StringBuilder(64 * 1024);

  /** Opens {@code tag}; {@code attributes} alternate names and values (strings or numbers). */
  SvgCanvas open(String tag, Object... attributes) {
    start(tag, attributes);
    out.append(">\n");
    return this;
  }

  SvgCanvas close(String tag) {
    out.append("</").append(tag).append(">\n");
    return this;
  }

  /** An element without content. */
  SvgCanvas element(String tag, Object... attributes) {
    start(tag, attributes);
    out.append("/>\n");
    return this;
  }

  /** An element whose content is {@code text}, escaped. */
  SvgCanvas textElement(String tag, String text, Object... attributes) {
    start(tag, attributes);
    out.append('>').append(Markup.escape(text)).append("</").append(tag).append(">\n");
    return this;
  }

  SvgCanvas rect(double x, double y, double width, double height, double radius, String fill) {
    start("rect", "x", x, "y", y, "width", width, "height", height);
    optional("rx", radius > 0 ? number(radius) : INHERIT);
    optional("fill", fill);
    out.append("/>\n");
    return this;
  }

  SvgCanvas line(double x1, double y1, double x2, double y2, String stroke, double width) {
    return dashedLine(x1, y1, x2, y2, stroke, width, INHERIT);
  }

  SvgCanvas dashedLine(
      double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
    start("line", "x1", x1, "y1", y1, "x2", x2, "y2", y2);
    optional("stroke", stroke);
    optional("stroke-width", width > 0 ? number(width) : INHERIT);
    optional("stroke-dasharray", dash);
    out.append("/>\n");
    return this;
  }

  SvgCanvas circle(double cx, double cy, double r, String fill) {
    start("circle", "cx", cx, "cy", cy, "r", r);
    optional("fill", fill);
    out.append("/>\n");
    return this;
  }

  /** A path in the group's style; {@code d} is path data built in this package, never map text. */
  SvgCanvas path(String d) {
    return element("path", "d", d);
  }

  /** {@code text} in {@code style}, with its baseline at {@code y}. */
  SvgCanvas text(TextStyle style, double x, double y, String text, String fill) {
    start("text", "class", style.cssClass(), "x", x, "y", y, "font-size", style.size());
    optional("font-weight", style.bold() ? "bold" : INHERIT);
    optional("font-style", style.italic() ? "italic" : INHERIT);
    optional("text-anchor", style.anchor().equals("start") ? INHERIT : style.anchor());
    optional("fill", fill);
    out.append('>').append(Markup.escape(text)).append("</text>\n");
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** {@code value} with at most two decimals, no trailing zeros, never in exponent form. */
  static String number(double value) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    String text = rounded.stripTrailingZeros().toPlainString();
    return text.equals("-0") ? "0" : text;
  }

  private void optional(String name, String value) {
    if (!value.isEmpty()) {
      out.append(' ').append(name).append("=\"").append(Markup.escape(value)).append('"');
    }
  }

  private void start(String tag, Object... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException(
          "attributes of <" + tag + "> must come in name/value pairs, got " + attributes.length);
    }
    out.append('<').append(tag);
    for (int i = 0; i < attributes.length; i += 2) {
      Object value = attributes[i + 1];
      String text = value instanceof Number n ? number(n.doubleValue()) : String.valueOf(value);
      out.append(' ').append(attributes[i]).append("=\"").append(Markup.escape(text)).append('"');
    }
  }
}
