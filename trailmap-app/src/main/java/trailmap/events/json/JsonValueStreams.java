package trailmap.events.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trailmap.events.JsonValue;

/**
 * Reads and writes {@link JsonValue}s with Jackson's streaming parser and generator, without a tree
 * in between: the ingestion path and the event log handle every event this way, so the tree round
 * trip ({@link JsonValues}) would cost a copy of each event. Both give the same values and the same
 * text as {@link JsonValues}.
 */
public final class JsonValueStreams {
  private JsonValueStreams() {}

  /**
   * The value starting at the parser's current token; leaves the parser on the value's last token.
   *
   * @throws IllegalArgumentException for a number beyond a double's range
   */
  public static JsonValue read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new IOException("no JSON value at the parser's position");
    }
    return switch (token) {
      case START_OBJECT -> readObject(parser);
      case START_ARRAY -> {
        List<JsonValue> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(parser));
        }
        yield new JsonValue.Arr(items);
      }
      case VALUE_STRING -> new JsonValue.Str(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonValue.Num(parser.getDoubleValue());
      case VALUE_TRUE -> new JsonValue.Bool(true);
      case VALUE_FALSE -> new JsonValue.Bool(false);
      case VALUE_NULL -> new JsonValue.Null();
      default -> throw new IOException("unexpected JSON token " + token);
    };
  }

  /** The object starting at the parser's current {@code START_OBJECT} token. */
  public static JsonValue.Obj readObject(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new IOException("expected a JSON object, found " + parser.currentToken());
    }
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      parser.nextToken();
      fields.put(name, read(parser));
    }
    return fields.isEmpty() ? JsonValue.Obj.EMPTY : new JsonValue.Obj(fields);
  }

  /** Writes the value; whole numbers below 10^15 are written without a fraction. */
  public static void write(JsonGenerator out, JsonValue value) throws IOException {
    switch (value) {
      case JsonValue.Null n -> out.writeNull();
      case JsonValue.Bool b -> out.writeBoolean(b.value());
      case JsonValue.Num n -> {
        if (n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15) {
          out.writeNumber((long) n.value());
        } else {
          out.writeNumber(n.value());
        }
      }
      case JsonValue.Str s -> out.writeString(s.value());
      case JsonValue.Arr a -> {
        out.writeStartArray();
        for (JsonValue item : a.items()) {
          write(out, item);
        }
        out.writeEndArray();
      }
      case JsonValue.Obj o -> {
        out.writeStartObject();
        for (Map.Entry<String, JsonValue> field : o.fields().entrySet()) {
          out.writeFieldName(field.getKey());
          write(out, field.getValue());
        }
        out.writeEndObject();
      }
    }
  }
}
