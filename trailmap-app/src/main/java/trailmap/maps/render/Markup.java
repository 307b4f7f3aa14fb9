package trailmap.maps.render;

/**
 * Escapes text for XML and HTML, the one place where map text meets markup.
 *
 * <p>Besides the five markup characters, control characters that XML 1.0 forbids (everything below
 * U+0020 except tab, line feed and carriage return, plus U+FFFE and U+FFFF) become U+FFFD, so a
 * hostile or damaged map name can never make the SVG unreadable.
 */
final class Markup {
  private Markup() {}

  /** {@code text} safe to place in element content and in quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(allowed(c) ? c : '\uFFFD');
      }
    }
    return out.toString();
  }

  private static boolean allowed(char c) {
    if (c < 0x20) {
      return c == '\t' || c == '\n' || c == '\r';
    }
    return c != '\uFFFE' && c != '\uFFFF';
  }
}
