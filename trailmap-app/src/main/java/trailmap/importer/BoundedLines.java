package trailmap.importer;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines ({@code \n}, {@code \r\n} or {@code \r}) without holding more than a bound
 * of any one line: the rest of an over-long line is skipped and the line marked truncated.
 */
final class BoundedLines {
  private final Reader reader;
  private final int maxChars;
  private int pushedBack = -2;

  BoundedLines(Reader reader, int maxChars) {
    this.reader = reader;
    this.maxChars = maxChars;
  }

  /** One line without its terminator. */
  record Line(String text, boolean truncated) {}

  /** The next line, or null at the end of the input. */
  Line next() throws IOException {
    StringBuilder sb = new StringBuilder();
    boolean truncated = false;
    boolean any = false;
    while (true) {
      int c = pushedBack != -2 ? pushedBack : reader.read();
      pushedBack = -2;
      if (c == -1) {
        return any ? new Line(sb.toString(), truncated) : null;
      }
      any = true;
      if (c == '\n') {
        return new Line(sb.toString(), truncated);
      }
      if (c == '\r') {
        int after = reader.read();
        if (after != '\n') {
          pushedBack = after;
        }
        return new Line(sb.toString(), truncated);
      }
      if (sb.length() < maxChars) {
        sb.append((char) c);
      } else {
        truncated = true;
      }
    }
  }
}
