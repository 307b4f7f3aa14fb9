package trailmap.maps.render;

import java.util.Arrays;

/**
 * Estimates how wide a line of text is, without AWT fonts, so a map lays out identically on every
 * machine.
 *
 * <p>The table holds DejaVu Sans advance widths (in 1/2048 em) for printable ASCII, the first font
 * the drawing asks for; Arial and the usual sans-serif fallbacks are narrower, so text measured
 * here never overflows its column when another of those fonts is used. Characters outside ASCII
 * count as 0.7 em, ideographs as 1 em. Bold text counts 14 % wider (DejaVu Sans Bold is about 13 %
 * wider).
 */
final class TextMetrics {
  private static final double UNITS_PER_EM = 2048.0;
  private static final double BOLD_FACTOR = 1.14;

  /** Advance widths for the characters 32 (space) to 126 (tilde), in that order. */
  private static final int[] ASCII_WIDTHS =
      Arrays.stream(
              String.join(
                      " ",
                      "651 823 942 1716 1303 1946 1597 563 799 799 1024 1716 651 739 651 690",
                      "1303 1303 1303 1303 1303 1303 1303 1303 1303 1303", // 0-9
                      "690 690 1716 1716 1716 1087 2048", // : to @
                      "1401 1405 1430 1577 1294 1178 1587 1540 604 604 1343 1141 1767", // A-M
                      "1532 1612 1235 1612 1423 1300 1251 1499 1401 2025 1403 1251 1403", // N-Z
                      "799 690 799 1716 1024 1024", // [ to `
                      "1255 1300 1126 1300 1260 721 1300 1298 569 569 1186 569 1995", // a-m
                      "1298 1253 1300 1300 842 1067 803 1298 1212 1675 1212 1212 1075", // n-z
                      "1303 690 1303 1716") // { to ~
                  .split(" "))
          .mapToInt(Integer::parseInt)
          .toArray();

  private TextMetrics() {}

  /** The estimated width in pixels of {@code text} at {@code fontSize} pixels. */
  static double width(String text, double fontSize, boolean bold) {
    double ems = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      ems += ems(codePoint);
      i += Character.charCount(codePoint);
    }
    return ems * fontSize * (bold ? BOLD_FACTOR : 1.0);
  }

  private static double ems(int codePoint) {
    if (codePoint == 0xA0) {
      return ASCII_WIDTHS[0] / UNITS_PER_EM; // a no-break space is as wide as a space
    }
    if (codePoint >= 32 && codePoint <= 126) {
      return ASCII_WIDTHS[codePoint - 32] / UNITS_PER_EM;
    }
    if (Character.isIdeographic(codePoint) || Character.isSupplementaryCodePoint(codePoint)) {
      return 1.0;
    }
    return 0.7;
  }
}
