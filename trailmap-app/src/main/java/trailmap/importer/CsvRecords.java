package trailmap.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 4180 records: fields separated by commas, records by CRLF or LF; a field in double quotes may
 * hold commas, line breaks and doubled quotes ({@code ""}). Each record carries the line it starts
 * on. A malformed record (text after a closing quote, an unterminated quote, a field over the size
 * bound) comes back with a problem instead of fields, and reading goes on after it.
 */
final class CsvRecords {
  static final int MAX_FIELD_CHARS = 1 << 20;

  private final Reader reader;
  private long line = 1;
  private int pushedBack = -2;
  private boolean started;

  CsvRecords(Reader reader) {
    this.reader = reader;
  }

  /** A record: its fields, or the problem that spoiled it. */
  record Record(long line, List<String> fields, Optional<String> problem) {}

  /** The next record, or empty at the end of the input. */
  Optional<Record> next() throws IOException {
    long start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    String problem = null;
    boolean quoted = false;
    boolean afterQuote = false;
    boolean any = false;
    while (true) {
      int c = read();
      if (!started) {
        started = true;
        if (c == '\uFEFF') {
          c = read();
        }
      }
      if (c == -1) {
        if (quoted && problem == null) {
          problem = "a quoted field opened here is never closed";
        }
        if (!any) {
          return Optional.empty();
        }
        fields.add(field.toString());
        return Optional.of(record(start, fields, problem));
      }
      any = true;
      if (quoted) {
        if (c == '"') {
          int after = read();
          if (after == '"') {
            append(field, '"');
          } else {
            pushedBack = after;
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          if (!append(field, (char) c) && problem == null) {
            problem = "a field is longer than " + MAX_FIELD_CHARS + " characters";
          }
        }
        continue;
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        afterQuote = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r') {
          int after = read();
          if (after != '\n') {
            pushedBack = after;
          }
        }
        line++;
        fields.add(field.toString());
        return Optional.of(record(start, fields, problem));
      } else if (c == '"' && field.isEmpty() && !afterQuote) {
        quoted = true;
      } else if (afterQuote) {
        if (problem == null) {
          problem =
              "text after a closing quote: quote the whole field and double inner quotes (\"\")";
        }
      } else if (!append(field, (char) c) && problem == null) {
        problem = "a field is longer than " + MAX_FIELD_CHARS + " characters";
      }
    }
  }

  private static Record record(long start, List<String> fields, String problem) {
    return problem == null
        ? new Record(start, List.copyOf(fields), Optional.empty())
        : new Record(start, List.of(), Optional.of(problem));
  }

  private static boolean append(StringBuilder field, char c) {
    if (field.length() >= MAX_FIELD_CHARS) {
      return false;
    }
    field.append(c);
    return true;
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return reader.read();
  }
}
