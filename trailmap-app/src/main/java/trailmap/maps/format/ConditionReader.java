package trailmap.maps.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import trailmap.maps.PropertyCondition;

/**
 * Reads a {@code where} object of property conditions from a Jackson tree, with the same rules and
 * messages as a touchpoint's {@code match.where} in a map file: {@code "plan": "pro"} means equals,
 * {@code "amount": {"gt": 100}}, {@code "plan": {"in": ["a", "b"]}}, {@code "coupon": {"exists":
 * true}}. For documents other than map files, e.g. analytics queries.
 */
public final class ConditionReader {
  private ConditionReader() {}

  /**
   * The conditions of {@code where}, one per field. Each problem is reported to {@code problems}
   * with the property it is about (empty when {@code where} itself is not an object) and a message
   * that says how to fix it; the conditions of the other fields are still returned.
   *
   * @param context what the conditions belong to, for messages, e.g. {@code step 2}
   */
  public static List<PropertyCondition> read(
      JsonNode where, String context, BiConsumer<Optional<String>, String> problems) {
    List<PropertyCondition> conditions = new ArrayList<>();
    if (!where.isObject()) {
      problems.accept(
          Optional.empty(),
          "'where' in %s must map property names to values or operators, was %s"
              .formatted(context, node(where).kind()));
      return conditions;
    }
    for (Map.Entry<String, JsonNode> field : where.properties()) {
      Problems found = new Problems("query");
      Node.Field bound = new Node.Field(field.getKey(), 1, 1, node(field.getValue()));
      MatcherBinder.condition(bound, context, found).ifPresent(conditions::add);
      for (MapProblem problem : found.sorted()) {
        problems.accept(Optional.of(field.getKey()), problem.message());
      }
    }
    return conditions;
  }

  /**
   * The conditions of a {@code where} object in a positioned document (a flow file), with the rules
   * and messages of a touchpoint's {@code match.where}; each problem goes to {@code problems} at
   * its line and column.
   *
   * @param context what the conditions belong to, for messages, e.g. {@code trigger}
   * @return empty when any condition is wrong (all were reported)
   */
  public static Optional<List<PropertyCondition>> read(
      Node where, String context, Problems problems) {
    if (!(where instanceof Node.Obj obj)) {
      problems.add(
          where,
          "'where' in %s must map property names to values or operators, was %s"
              .formatted(context, where.kind()));
      return Optional.empty();
    }
    List<PropertyCondition> conditions = new ArrayList<>();
    boolean ok = true;
    for (Node.Field field : obj.fields().values()) {
      Optional<PropertyCondition> condition = MatcherBinder.condition(field, context, problems);
      condition.ifPresent(conditions::add);
      ok &= condition.isPresent();
    }
    return ok ? Optional.of(conditions) : Optional.empty();
  }

  private static Node node(JsonNode json) {
    if (json.isObject()) {
      Map<String, Node.Field> fields = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : json.properties()) {
        fields.put(field.getKey(), new Node.Field(field.getKey(), 1, 1, node(field.getValue())));
      }
      return new Node.Obj(1, 1, fields);
    }
    if (json.isArray()) {
      List<Node> items = new ArrayList<>();
      json.forEach(item -> items.add(node(item)));
      return new Node.Arr(1, 1, items);
    }
    if (json.isNumber()) {
      return new Node.Scalar(1, 1, json.numberValue());
    }
    if (json.isBoolean()) {
      return new Node.Scalar(1, 1, json.booleanValue());
    }
    if (json.isNull() || json.isMissingNode()) {
      return new Node.Scalar(1, 1, null);
    }
    return new Node.Scalar(1, 1, json.asText());
  }
}
