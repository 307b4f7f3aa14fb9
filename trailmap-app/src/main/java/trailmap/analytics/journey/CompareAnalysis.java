package trailmap.analytics.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import trailmap.analytics.Dictionary;
import trailmap.analytics.EventTable;
import trailmap.analytics.compare.Compare;
import trailmap.analytics.compare.Compared;
import trailmap.analytics.compare.Groups;
import trailmap.analytics.conversion.StepTest;
import trailmap.analytics.matching.TouchpointMatching;
import trailmap.analytics.surveys.SurveyFields;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.maps.JourneyMap;
import trailmap.maps.Touchpoint;

/**
 * The compare analysis: one figure for two groups, with a significance test fit for it and an
 * effect size.
 *
 * <p>Query: {@code analysis} (required: {@code surveys}, {@code conversion} or {@code
 * time-to-next}); for surveys {@code survey} (required: nps, csat or ces), {@code touchpoint}
 * (optional: only answers attached to it) and the survey fields of {@link SurveysAnalysis}; for
 * conversion and time-to-next {@code steps} (two nodes: an event name, {@code touchpoint:ID} or
 * {@code stage:ID}) and {@code window} (default {@code 14d}); the groups, either periods {@code
 * "a": {"from", "to"}, "b": {"from", "to"}} or a split {@code "by": TRAIT, "a": VALUE, "b": VALUE}
 * ({@code "byProperty"} instead of {@code "by"} splits by a property of the counted event); and
 * {@code map}. The answer: {@code {"counted": {…}, "figure", "unit", "a": {"label", "value", "low",
 * "high", "n", "method"}, "b": {…}, "difference": {"value", "low", "high", "method"}, "test":
 * {"name", "statistic", "pValue", "significant"}, "effectSize": {"name", "value", "magnitude"}}}.
 */
public final class CompareAnalysis {
  static final Set<String> FIELDS;

  static {
    Set<String> fields = new HashSet<>(SurveyQuery.FIELDS);
    fields.addAll(
        Set.of(
            "analysis",
            "survey",
            "touchpoint",
            "steps",
            "window",
            "a",
            "b",
            "by",
            "byProperty",
            "map"));
    FIELDS = Set.copyOf(fields);
  }

  static final long DEFAULT_WINDOW = 14L * 86_400 * 1_000_000;

  private CompareAnalysis() {}

  /**
   * Runs the query over {@code table}.
   *
   * @param map needed for touchpoint and stage steps and to attach survey answers by the event
   *     before them
   * @throws trailmap.server.ProblemException 400 {@code invalid-query} naming the field
   */
  public static JsonNode run(JsonNode query, EventTable table, Optional<JourneyMap> map) {
    QueryReader reader = QueryReader.of(query, "compare", FIELDS);
    String analysis =
        reader
            .text("analysis")
            .orElseThrow(
                () ->
                    InvalidQuery.at(
                        "analysis", "say what to compare: surveys, conversion or time-to-next"));
    Groups groups = groups(reader, query);
    List<String> warnings = new ArrayList<>();
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    ObjectNode counted = answer.putObject("counted");
    counted.put("analysis", analysis);
    counted.put("groups", describe(groups));
    Compared compared =
        switch (analysis) {
          case "surveys" -> {
            SurveyKind kind =
                SurveyQuery.kind(reader, "survey")
                    .orElseThrow(
                        () ->
                            InvalidQuery.at(
                                "survey", "name the survey to compare: nps, csat or ces"));
            Optional<String> touchpoint = reader.text("touchpoint");
            touchpoint.ifPresent(
                t -> {
                  if (map.isPresent() && map.get().touchpoint(t).isEmpty()) {
                    throw InvalidQuery.at(
                        "touchpoint",
                        "map '%s' has no touchpoint '%s'; closest: %s"
                            .formatted(
                                map.get().id(),
                                t,
                                String.join(
                                    ", ",
                                    Closest.to(
                                        t,
                                        map.get().touchpoints().map(Touchpoint::id).toList(),
                                        3))));
                  }
                });
            SurveyFields fields = SurveyQuery.fields(reader);
            SurveyQuery.describe(counted.putObject("answers"), fields);
            counted.put("touchpoint", touchpoint.orElse(null));
            SurveyJson.scale(counted.putObject("scale"), kind);
            yield Compare.survey(table, map, fields, kind, touchpoint, groups);
          }
          case "conversion", "time-to-next" -> {
            List<String> steps = reader.texts("steps");
            if (steps.size() != 2) {
              throw InvalidQuery.at(
                  "steps",
                  "name two steps, e.g. [\"Viewed Pricing\", \"touchpoint:trial\"], was "
                      + steps.size());
            }
            StepTest first = step(steps.get(0), "steps[0]", table, map, warnings);
            StepTest then = step(steps.get(1), "steps[1]", table, map, warnings);
            long window = QueryValues.window(reader, "window").orElse(DEFAULT_WINDOW);
            counted.put("steps", steps.get(0) + " -> " + steps.get(1));
            counted.put("windowSeconds", window / 1_000_000);
            counted.put(
                "conversion",
                "a profile enters when it does the first step (in its group); it converts when a"
                    + " later event is the second step within the window of some entry; time to"
                    + " convert runs from the earliest entry that converts to the first second"
                    + " step after it");
            yield analysis.equals("conversion")
                ? Compare.conversion(table, first, then, window, groups)
                : Compare.timeToNext(table, first, then, window, groups);
          }
          default ->
              throw InvalidQuery.at(
                  "analysis",
                  "'"
                      + analysis
                      + "' cannot be compared; use surveys, conversion, time-to-next or funnel");
        };
    answer.put("figure", compared.figure());
    answer.put("unit", compared.unit());
    side(answer.putObject("a"), groups.label(0), compared.a());
    side(answer.putObject("b"), groups.label(1), compared.b());
    ComparisonJson.write(answer, compared.comparison());
    if (compared.a().n() == 0 || compared.b().n() == 0) {
      warnings.add(
          "group "
              + (compared.a().n() == 0 ? "a" : "b")
              + " has nothing to count, so nothing can be compared; check the groups");
    }
    Answers.warnings(answer, warnings);
    return answer;
  }

  private static void side(ObjectNode target, String label, trailmap.analytics.stats.Interval i) {
    target.put("label", label);
    SurveyJson.interval(target, "value", i);
  }

  private static Groups groups(QueryReader reader, JsonNode query) {
    Optional<String> by = reader.text("by");
    Optional<String> byProperty = reader.text("byProperty");
    if (by.isPresent() && byProperty.isPresent()) {
      throw InvalidQuery.at("byProperty", "split by a trait (by) or an event property, not both");
    }
    if (by.isPresent() || byProperty.isPresent()) {
      String a =
          reader
              .text("a")
              .orElseThrow(() -> InvalidQuery.at("a", "name the value of group a, e.g. \"pro\""));
      String b =
          reader
              .text("b")
              .orElseThrow(() -> InvalidQuery.at("b", "name the value of group b, e.g. \"free\""));
      if (a.equals(b)) {
        throw InvalidQuery.at("b", "'" + b + "' is also group a; compare two different values");
      }
      return new Groups.ByValue(by.or(() -> byProperty).orElseThrow(), by.isPresent(), a, b);
    }
    long[] a = period(query.get("a"), "a");
    long[] b = period(query.get("b"), "b");
    return new Groups.Periods(a[0], a[1], b[0], b[1]);
  }

  private static long[] period(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      throw InvalidQuery.at(
          field,
          "must be a period such as {\"from\": \"2026-01-01T00:00:00Z\", \"to\":"
              + " \"2026-02-01T00:00:00Z\"}, or name a value with \"by\": TRAIT");
    }
    QueryReader.of(node, "a period", Set.of("from", "to"));
    Instant from = instant(node, field, "from");
    Instant to = instant(node, field, "to");
    if (!from.isBefore(to)) {
      throw InvalidQuery.at(
          field + ".to", "'" + to + "' must be after from '" + from + "'; the range is [from, to)");
    }
    return new long[] {JourneyScope.micros(from), JourneyScope.micros(to)};
  }

  private static Instant instant(JsonNode period, String field, String bound) {
    JsonNode value = period.get(bound);
    if (value == null || !value.isTextual()) {
      throw InvalidQuery.at(
          field + "." + bound, "is required: an ISO 8601 instant such as 2026-01-01T00:00:00Z");
    }
    try {
      return Instant.parse(value.asText());
    } catch (java.time.format.DateTimeParseException e) {
      throw InvalidQuery.at(
          field + "." + bound,
          "'" + value.asText() + "' is not an ISO 8601 instant such as 2026-01-01T00:00:00Z");
    }
  }

  private static StepTest step(
      String reference,
      String field,
      EventTable table,
      Optional<JourneyMap> map,
      List<String> warnings) {
    NodeLevel level = NodeLevel.of(reference);
    String name = level.strip(reference);
    if (level == NodeLevel.EVENTS) {
      if (table.names().lookup(name) == Dictionary.ABSENT) {
        warnings.add(
            "%s: no event named '%s' was seen, so nothing passes through it; closest known: %s"
                .formatted(
                    field, name, String.join(", ", Closest.to(name, table.names().texts(), 3))));
      }
      return StepTest.named(table, name);
    }
    JourneyMap journeyMap =
        map.orElseThrow(
            () ->
                InvalidQuery.at(
                    field,
                    "'"
                        + reference
                        + "' needs a journey map; pass one with --map FILE|ID (HTTP:"
                        + " \"map\": ID)"));
    TouchpointMatching matching = TouchpointMatching.of(journeyMap, table);
    BitSet set = new BitSet();
    for (int tp = 0; tp < matching.touchpoints(); tp++) {
      var ref = matching.touchpoint(tp);
      if (level == NodeLevel.TOUCHPOINTS
          ? ref.touchpointId().equals(name)
          : ref.stageId().equals(name)) {
        set.set(tp);
      }
    }
    if (set.isEmpty()) {
      throw InvalidQuery.at(
          field,
          "map '%s' has no %s '%s'"
              .formatted(
                  journeyMap.id(), level == NodeLevel.TOUCHPOINTS ? "touchpoint" : "stage", name));
    }
    return StepTest.touchpoints(matching, set);
  }

  private static String describe(Groups groups) {
    return switch (groups) {
      case Groups.Periods p ->
          "a: events in ["
              + SurveyJson.instant(p.aFrom())
              + ", "
              + SurveyJson.instant(p.aTo())
              + "), b: events in ["
              + SurveyJson.instant(p.bFrom())
              + ", "
              + SurveyJson.instant(p.bTo())
              + ")";
      case Groups.ByValue v ->
          (v.trait() ? "profiles whose trait " : "events whose property ")
              + v.property()
              + " is '"
              + v.a()
              + "' (a) or '"
              + v.b()
              + "' (b), compared as text";
    };
  }
}
