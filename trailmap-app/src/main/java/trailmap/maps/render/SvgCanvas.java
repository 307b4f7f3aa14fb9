package trailmap.maps.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes SVG markup into a string: elements with attributes given as name/value pairs, every value
 * and every text escaped. Numbers are written with at most two decimals and a dot, whatever the
 * default locale, so the same map always gives the same bytes.
 *
 * <p>Not thread-safe; one canvas per drawing.
 */
final class SvgCanvas {
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

  /** An element without content, e.g. a rectangle. */
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

  /** Markup written as is; only for fixed strings from this package, never map text. */
  SvgCanvas raw(String markup) {
    out.append(markup);
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
