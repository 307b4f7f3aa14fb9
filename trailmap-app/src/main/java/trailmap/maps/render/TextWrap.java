package trailmap.maps.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines that fit a width, as estimated by {@link TextMetrics}.
 *
 * <p>Words are kept whole where they fit; a word wider than the line is cut between characters. Any
 * run of white space, line breaks included, counts as one space, because a map cell is a short
 * note, not a formatted document. At most {@code maxLines} lines come back; when the text is longer
 * the last line ends in an ellipsis, which keeps one runaway note from stretching a whole lane.
 */
final class TextWrap {
  static final String ELLIPSIS = "…";

  private TextWrap() {}

  /** The lines of {@code text}, each at most {@code maxWidth} pixels wide; empty for blank text. */
  static List<String> wrap(String text, double maxWidth, TextStyle style, int maxLines) {
    double fontSize = style.size();
    boolean bold = style.bold();
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.trim().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (TextMetrics.width(candidate, fontSize, bold) <= maxWidth) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (TextMetrics.width(rest, fontSize, bold) > maxWidth) {
        int cut = fittingPrefix(rest, maxWidth, fontSize, bold, "");
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    if (lines.size() <= maxLines) {
      return List.copyOf(lines);
    }
    List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
    kept.set(
        maxLines - 1,
        ellipsize(lines.get(maxLines - 1) + " " + lines.get(maxLines), maxWidth, fontSize, bold));
    return List.copyOf(kept);
  }

  /** {@code text} itself when it fits {@code maxWidth}, else its longest fitting prefix + "…". */
  static String ellipsize(String text, double maxWidth, TextStyle style) {
    return ellipsize(text, maxWidth, style.size(), style.bold());
  }

  private static String ellipsize(String text, double maxWidth, double fontSize, boolean bold) {
    if (TextMetrics.width(text, fontSize, bold) <= maxWidth) {
      return text;
    }
    int cut = fittingPrefix(text, maxWidth, fontSize, bold, ELLIPSIS);
    return text.substring(0, cut).stripTrailing() + ELLIPSIS;
  }

  /**
   * The length of the longest prefix that fits together with {@code suffix}; at least one code
   * point so that wrapping always advances, even in a column narrower than one character.
   */
  private static int fittingPrefix(
      String text, double maxWidth, double fontSize, boolean bold, String suffix) {
    int end = text.offsetByCodePoints(0, 1);
    while (end < text.length()) {
      int next = text.offsetByCodePoints(end, 1);
      if (TextMetrics.width(text.substring(0, next) + suffix, fontSize, bold) > maxWidth) {
        break;
      }
      end = next;
    }
    return end;
  }
}
