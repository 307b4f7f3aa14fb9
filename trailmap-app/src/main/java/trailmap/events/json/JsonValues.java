package trailmap.events.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trailmap.events.JsonValue;

/** Converts between Jackson trees and {@link JsonValue}. Thread-safe. */
public final class JsonValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonValues() {}

  public static JsonValue of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return new JsonValue.Null();
    }
    if (node.isObject()) {
      return object(node);
    }
    if (node.isArray()) {
      List<JsonValue> items = new ArrayList<>(node.size());
      node.forEach(item -> items.add(of(item)));
      return new JsonValue.Arr(items);
    }
    if (node.isBoolean()) {
      return new JsonValue.Bool(node.booleanValue());
    }
    if (node.isNumber()) {
      return new JsonValue.Num(node.doubleValue());
    }
    return new JsonValue.Str(node.asText());
  }

  /** An object node as {@link JsonValue.Obj}; anything else (absent, null, scalar) is empty. */
  public static JsonValue.Obj object(JsonNode node) {
    if (node == null || !node.isObject()) {
      return JsonValue.Obj.EMPTY;
    }
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    node.properties().forEach(e -> fields.put(e.getKey(), of(e.getValue())));
    return new JsonValue.Obj(fields);
  }

  public static JsonNode toNode(JsonValue value) {
    return switch (value) {
      case JsonValue.Null n -> NODES.nullNode();
      case JsonValue.Bool b -> NODES.booleanNode(b.value());
      case JsonValue.Num n ->
          n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15
              ? NODES.numberNode((long) n.value())
              : NODES.numberNode(n.value());
      case JsonValue.Str s -> NODES.textNode(s.value());
      case JsonValue.Arr a -> {
        ArrayNode array = NODES.arrayNode();
        a.items().forEach(item -> array.add(toNode(item)));
        yield array;
      }
      case JsonValue.Obj o -> {
        ObjectNode object = NODES.objectNode();
        o.fields().forEach((k, v) -> object.set(k, toNode(v)));
        yield object;
      }
    };
  }
}
