package trailmap.maps.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses YAML or JSON text into a {@link Node} tree with locations. JSON is detected by a leading
 * '{' so JSON syntax errors are reported by the JSON parser, which describes them better.
 */
public final class NodeParser {
  /** Deeper nesting than any real map needs; guards against stack exhaustion on hostile input. */
  private static final int MAX_DEPTH = 64;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();
  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();

  private final Problems problems;
  private final String document;
  private final String emptyHint;

  NodeParser(Problems problems) {
    this(problems, "map", "a map needs at least id, name, state, personas and stages");
  }

  /**
   * A parser for another kind of document.
   *
   * @param document what one file holds, for messages ("flow")
   * @param emptyHint what to say about an empty file, e.g. which fields are needed
   */
  public NodeParser(Problems problems, String document, String emptyHint) {
    this.problems = problems;
    this.document = document;
    this.emptyHint = emptyHint;
  }

  /** The document's root node, or empty after reporting a syntax problem. */
  public Optional<Node> parse(String text) {
    boolean json = text.stripLeading().startsWith("{");
    try (JsonParser parser = (json ? JSON : YAML).createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.add(1, 1, "the file is empty; " + emptyHint);
        return Optional.empty();
      }
      Node root = read(parser, 0);
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        problems.add(
            line(at),
            column(at),
            "unexpected content after the %s; a file holds one %s".formatted(document, document));
      }
      return Optional.of(root);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String kind = json ? "JSON" : "YAML";
      problems.add(
          at == null ? 1 : line(at),
          at == null ? 1 : column(at),
          kind + " syntax error: " + firstLine(e.getOriginalMessage()));
      return Optional.empty();
    } catch (IOException e) {
      // Reading from a String cannot fail with plain I/O; anything else is a parser bug.
      throw new IllegalStateException(
          "unexpected I/O error reading a " + document + " from text", e);
    }
  }

  private Node read(JsonParser parser, int depth) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = line(at);
    int column = column(at);
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Node.Field> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          JsonLocation keyAt = parser.currentTokenLocation();
          String name = parser.currentName();
          parser.nextToken();
          Node value = read(parser, depth + 1);
          if (fields.containsKey(name)) {
            problems.add(
                line(keyAt),
                column(keyAt),
                "duplicate key '%s' (first at line %d)".formatted(name, fields.get(name).line()));
          } else {
            fields.put(name, new Node.Field(name, line(keyAt), column(keyAt), value));
          }
        }
        return new Node.Obj(line, column, fields);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(parser, depth + 1));
        }
        return new Node.Arr(line, column, items);
      }
      case VALUE_STRING -> {
        return new Node.Scalar(line, column, parser.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new Node.Scalar(line, column, parser.getNumberValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Node.Scalar(line, column, parser.getBooleanValue());
      }
      case VALUE_NULL -> {
        return new Node.Scalar(line, column, null);
      }
      default -> {
        // Embedded objects (YAML binary) and the like are not part of the map format.
        return new Node.Scalar(line, column, parser.getText());
      }
    }
  }

  private static int line(JsonLocation at) {
    return Math.max(1, at.getLineNr());
  }

  private static int column(JsonLocation at) {
    return Math.max(1, at.getColumnNr());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed document";
    }
    // SnakeYAML says "while parsing a flow sequence" first and the useful "expected ',' or ']'"
    // on a later line; keep both. Indented lines are source excerpts, positions and ^ markers.
    String line =
        message
            .strip()
            .lines()
            .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
            .map(String::strip)
            .limit(3)
            .reduce((a, b) -> a + "; " + b)
            .orElse(message);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
