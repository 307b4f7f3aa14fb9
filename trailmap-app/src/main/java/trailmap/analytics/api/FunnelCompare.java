package trailmap.analytics.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trailmap.analytics.EventTable;
import trailmap.analytics.funnel.FunnelAnalysis;
import trailmap.analytics.funnel.InvalidFunnelQueryException;
import trailmap.analytics.journey.ComparisonJson;
import trailmap.analytics.stats.Comparison;
import trailmap.analytics.stats.TwoSample;
import trailmap.events.JsonValue;
import trailmap.maps.JourneyMap;
import trailmap.maps.format.Suggestions;

/**
 * {@code compare} with {@code "analysis": "funnel"}: one funnel for two groups, compared on its
 * conversion from the first step to the last with a two-proportion test (Fisher's exact test when a
 * cell is small), a Newcombe interval of the difference and Cohen's h, as the other proportion
 * comparisons are.
 *
 * <p>Query: {@code {"analysis": "funnel", "funnel": {…a funnel query…}, "a": {"from", "to"}, "b":
 * {"from", "to"}}} (two periods of entry: each replaces the funnel's own {@code from}/{@code to})
 * or {@code {"analysis": "funnel", "funnel": {…}, "by": TRAIT, "a": VALUE, "b": VALUE}} (the
 * profiles whose current trait is each value). The answer has the shape of the other comparisons
 * plus each group's whole funnel under {@code a.funnel} and {@code b.funnel}.
 */
final class FunnelCompare {
  static final Set<String> FIELDS = Set.of("analysis", "funnel", "a", "b", "by");

  private FunnelCompare() {}

  static boolean wants(JsonNode query) {
    return query.path("analysis").asText("").equals("funnel");
  }

  static ObjectNode run(ObjectNode query, EventTable table, Optional<JourneyMap> map) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : query.properties()) {
      if (!FIELDS.contains(field.getKey())) {
        problems.add(
            "$."
                + field.getKey()
                + ": unknown field"
                + Suggestions.hint(field.getKey(), FIELDS)
                + "; a funnel comparison has analysis, funnel, a, b and by");
      }
    }
    if (!(query.get("funnel") instanceof ObjectNode funnel)) {
      problems.add("$.funnel: give the funnel to compare, e.g. {\"steps\": [\"A\", \"B\"]}");
      throw QueryProblems.of(problems);
    }
    Optional<String> by = Optional.ofNullable(query.get("by")).map(JsonNode::asText);
    JsonNode a = query.get("a");
    JsonNode b = query.get("b");
    if (a == null || b == null) {
      problems.add(
          "$.a, $.b: give the two groups: periods {\"from\": …, \"to\": …} or, with \"by\": TRAIT,"
              + " the trait's two values");
    } else if (by.isEmpty() && (!a.isObject() || !b.isObject())) {
      problems.add("$.a, $.b: periods are objects {\"from\": …, \"to\": …}; or split with \"by\"");
    } else if (by.isPresent() && (!a.isValueNode() || !b.isValueNode())) {
      problems.add("$.a, $.b: with \"by\", a and b are the trait's values, e.g. \"pro\"");
    }
    if (!problems.isEmpty()) {
      throw QueryProblems.of(problems);
    }
    ObjectNode funnelA = funnel.deepCopy();
    ObjectNode funnelB = funnel.deepCopy();
    EventTable tableA = table;
    EventTable tableB = table;
    String groups;
    if (by.isPresent()) {
      tableA = withTrait(table, by.get(), a.asText());
      tableB = withTrait(table, by.get(), b.asText());
      groups = "profiles whose trait " + by.get() + " is " + a.asText() + " (a) or " + b.asText();
    } else {
      period(funnelA, a);
      period(funnelB, b);
      groups = "entries in period a " + a + " and in period b " + b;
    }
    ObjectNode answerA = funnel(funnelA, tableA, map, "a");
    ObjectNode answerB = funnel(funnelB, tableB, map, "b");
    long[] sideA = firstAndLast(answerA);
    long[] sideB = firstAndLast(answerB);
    Comparison c = TwoSample.proportions(sideA[1], sideA[0], sideB[1], sideB[0]);

    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode counted = out.putObject("counted");
    counted.put("analysis", "funnel");
    counted.put("groups", groups);
    counted.put(
        "figure",
        "the share of profiles entering the funnel (step 1) that reached its last step, each group"
            + " counted by the funnel's own rules (see funnel.counted)");
    out.put("figure", "conversion from the first step to the last");
    out.put("unit", "share");
    side(out.putObject("a"), by.isPresent() ? a.asText() : "a", sideA, answerA);
    side(out.putObject("b"), by.isPresent() ? b.asText() : "b", sideB, answerB);
    ComparisonJson.write(out, c);
    var warnings = out.putArray("warnings");
    if (sideA[0] == 0 || sideB[0] == 0) {
      warnings.add(
          "group "
              + (sideA[0] == 0 ? "a" : "b")
              + " has no profile entering the funnel, so nothing can be compared; check the groups");
    }
    return out;
  }

  private static void period(ObjectNode funnel, JsonNode period) {
    funnel.remove("from");
    funnel.remove("to");
    for (String bound : List.of("from", "to")) {
      if (period.has(bound)) {
        funnel.set(bound, period.get(bound));
      }
    }
  }

  /** The profiles whose current trait equals {@code value}: as text, number or boolean. */
  private static EventTable withTrait(EventTable table, String trait, String value) {
    return table.select(
        e -> true, p -> table.traits(p).at(trait).map(v -> sameValue(v, value)).orElse(false));
  }

  private static boolean sameValue(JsonValue v, String value) {
    return switch (v) {
      case JsonValue.Str s -> s.value().equals(value);
      case JsonValue.Num n -> {
        try {
          yield Double.compare(n.value(), Double.parseDouble(value)) == 0;
        } catch (NumberFormatException e) {
          yield false;
        }
      }
      case JsonValue.Bool b -> String.valueOf(b.value()).equals(value);
      default -> false;
    };
  }

  private static ObjectNode funnel(
      ObjectNode query, EventTable table, Optional<JourneyMap> map, String group) {
    try {
      return FunnelAnalysis.run(query, table, map.map(m -> new MapSteps(m, table)));
    } catch (InvalidFunnelQueryException e) {
      throw QueryProblems.of(
          e.problems().stream()
              .map(p -> p.toString().replaceFirst("^\\$", "\\$.funnel (group " + group + ")"))
              .toList());
    }
  }

  /** The profiles at the first step and at the last. */
  private static long[] firstAndLast(ObjectNode answer) {
    JsonNode steps = answer.get("steps");
    return new long[] {
      steps.get(0).get("count").asLong(), steps.get(steps.size() - 1).get("count").asLong()
    };
  }

  private static void side(ObjectNode target, String label, long[] counts, ObjectNode funnel) {
    target.put("label", label);
    target.put("n", counts[0]);
    target.put("converted", counts[1]);
    ComparisonJson.number(
        target, "value", counts[0] == 0 ? Double.NaN : (double) counts[1] / counts[0]);
    target.set("funnel", funnel);
  }
}
