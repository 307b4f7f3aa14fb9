package trailmap.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * JSON Lines in Segment's shape: one call per line ({@link SegmentCalls} gives the rules), UTF-8,
 * blank lines skipped. A record without a messageId gets one derived from the file name and line
 * number ({@link MessageIds}). Lines longer than {@value #MAX_LINE_CHARS} characters are rejected
 * unread beyond that bound.
 */
public final class JsonLinesReader implements EventReader {
  static final int MAX_LINE_CHARS = 1 << 20;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public void read(InputStream in, ReadContext context, Consumer<ReadItem> out) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    BoundedLines lines = new BoundedLines(reader, MAX_LINE_CHARS);
    long lineNumber = 0;
    for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
      lineNumber++;
      if (line.truncated()) {
        out.accept(
            new ReadItem.Rejected(
                lineNumber, "line is longer than " + MAX_LINE_CHARS + " characters"));
        continue;
      }
      String text = line.text();
      if (text.isBlank()) {
        continue;
      }
      JsonNode call;
      try {
        call = MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        out.accept(new ReadItem.Rejected(lineNumber, "not valid JSON: " + e.getOriginalMessage()));
        continue;
      }
      out.accept(SegmentCalls.toItem(call, lineNumber, Long.toString(lineNumber), context));
    }
  }
}
