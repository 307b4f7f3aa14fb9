package trailmap.analytics.funnel;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trailmap.maps.PropertyCondition;
import trailmap.maps.format.ConditionReader;
import trailmap.maps.format.Suggestions;

/**
 * Reads the funnel query document, the same for HTTP and CLI:
 *
 * <pre>{@code
 * {"steps": ["Signed Up", {"event": "Viewed Page", "where": {"path": "/pricing"}}, "touchpoint:trial"],
 *  "order": "ordered", "window": "14d", "from": "2026-01-01T00:00:00Z", "to": "2026-02-01T00:00:00Z",
 *  "where": {"channel": ["web", "app"], "source": "ios", "properties": {…}, "traits": {…}},
 *  "exclusions": [{"event": "Contacted Support", "where": {…}, "fromStep": 0, "toStep": 1}],
 *  "breakdown": "plan", "maxSeries": 20}
 * }</pre>
 *
 * Only {@code steps} is required. Every problem is reported with its JSON path and a fix; docs/
 * funnels.md describes each field.
 */
public final class FunnelQueryJson {
  static final List<String> FIELDS =
      List.of(
          "steps",
          "order",
          "window",
          "from",
          "to",
          "where",
          "exclusions",
          "breakdown",
          "maxSeries");
  static final List<String> STEP_FIELDS = List.of("event", "where", "name");
  static final List<String> EXCLUSION_FIELDS =
      List.of("event", "where", "name", "fromStep", "toStep");

  /**
   * The analytics API applies {@code where.segment} to the table and removes it before the funnel
   * reads the query, so the funnel itself never accepts it.
   */
  static final List<String> WHERE_FIELDS = List.of("channel", "source", "properties", "traits");

  static final List<String> BREAKDOWN_FIELDS = List.of("property", "trait");

  private final Optional<StepResolver> resolver;
  private final List<FunnelQueryProblem> problems = new ArrayList<>();

  private FunnelQueryJson(Optional<StepResolver> resolver) {
    this.resolver = resolver;
  }

  /**
   * Reads {@code document}.
   *
   * @param resolver resolves {@code touchpoint:ID} and {@code stage:ID} steps; empty when the
   *     caller has no map, in which case such steps are problems that say how to give one
   */
  public static ParsedFunnelQuery parse(JsonNode document, Optional<StepResolver> resolver) {
    return new FunnelQueryJson(resolver).read(document);
  }

  private ParsedFunnelQuery read(JsonNode doc) {
    if (!doc.isObject()) {
      problem(
          "$", "a funnel query must be a JSON object with at least \"steps\", was " + kind(doc));
      return new ParsedFunnelQuery(Optional.empty(), problems);
    }
    unknownFields(doc, "$", FIELDS);
    List<FunnelStep> steps = steps(doc.get("steps"));
    FunnelQuery.Builder builder = FunnelQuery.builder(steps);
    text(doc, "order", "$.order")
        .ifPresent(
            order ->
                FunnelOrder.fromWireName(order)
                    .ifPresentOrElse(
                        builder::order,
                        () ->
                            problem(
                                "$.order",
                                "unknown order '%s'%s; use one of %s"
                                    .formatted(
                                        order,
                                        Suggestions.hint(order, FunnelOrder.wireNames()),
                                        String.join(", ", FunnelOrder.wireNames())))));
    text(doc, "window", "$.window")
        .ifPresent(w -> attempt("$.window", () -> builder.window(ConversionWindow.parse(w))));
    Optional<Instant> from = instant(doc, "from");
    Optional<Instant> to = instant(doc, "to");
    attempt("$.to", () -> builder.range(new TimeRange(from, to)));
    Optional.ofNullable(doc.get("where")).ifPresent(w -> where(w, builder));
    Optional.ofNullable(doc.get("exclusions"))
        .ifPresent(x -> exclusions(x, steps.size()).forEach(builder::exclude));
    Optional.ofNullable(doc.get("breakdown"))
        .flatMap(this::breakdown)
        .ifPresent(builder::breakdown);
    Optional.ofNullable(doc.get("maxSeries"))
        .ifPresent(
            m -> {
              if (m.canConvertToInt()
                  && m.isIntegralNumber()
                  && m.intValue() >= 1
                  && m.intValue() <= 1000) {
                builder.maxSeries(m.intValue());
              } else {
                problem("$.maxSeries", "maxSeries must be a whole number from 1 to 1000, was " + m);
              }
            });
    if (!problems.isEmpty()) {
      return new ParsedFunnelQuery(Optional.empty(), problems);
    }
    try {
      return new ParsedFunnelQuery(Optional.of(builder.build()), List.of());
    } catch (IllegalArgumentException e) {
      problem("$", e.getMessage());
      return new ParsedFunnelQuery(Optional.empty(), problems);
    }
  }

  private List<FunnelStep> steps(JsonNode node) {
    List<FunnelStep> steps = new ArrayList<>();
    if (node == null || !node.isArray() || node.isEmpty()) {
      problem(
          "$.steps",
          "steps must be a list of 1 to %d steps, e.g. [\"Signed Up\", \"Paid\"], was %s"
              .formatted(FunnelQuery.MAX_STEPS, node == null ? "missing" : kind(node)));
      return List.of(FunnelStep.event("(invalid)"));
    }
    if (node.size() > FunnelQuery.MAX_STEPS) {
      problem(
          "$.steps",
          "a funnel may have at most %d steps, has %d"
              .formatted(FunnelQuery.MAX_STEPS, node.size()));
    }
    for (int i = 0; i < node.size(); i++) {
      String path = "$.steps[" + i + "]";
      steps.add(
          step(node.get(i), path, "step " + i, STEP_FIELDS).orElse(FunnelStep.event("(invalid)")));
    }
    return steps;
  }

  /** A step or exclusion target: a text (event name or map reference) or an event object. */
  private Optional<FunnelStep> step(
      JsonNode node, String path, String context, List<String> fields) {
    if (node.isTextual()) {
      return reference(node.textValue(), path).map(m -> new FunnelStep(node.textValue(), m));
    }
    if (!node.isObject()) {
      problem(
          path,
          context
              + " must be an event name, \"touchpoint:ID\", \"stage:ID\" or {\"event\": …, \"where\": …}, was "
              + kind(node));
      return Optional.empty();
    }
    unknownFields(node, path, fields);
    Optional<String> event = text(node, "event", path + ".event");
    if (event.isEmpty()) {
      if (!node.has("event")) {
        problem(
            path + ".event",
            context + " needs \"event\": the event name (or touchpoint:ID / stage:ID)");
      }
      return Optional.empty();
    }
    List<PropertyCondition> where = conditions(node.get("where"), path + ".where", context);
    Optional<String> name = text(node, "name", path + ".name");
    if (isReference(event.get())) {
      if (!where.isEmpty()) {
        problem(
            path + ".where",
            "'where' applies to event steps; "
                + event.get()
                + " takes its conditions from the map");
      }
      return reference(event.get(), path + ".event")
          .map(m -> new FunnelStep(name.orElse(event.get()), m));
    }
    String display =
        name.orElse(
            where.isEmpty()
                ? event.get()
                : event.get()
                    + " where "
                    + String.join(" and ", where.stream().map(FunnelQueryJson::describe).toList()));
    return Optional.of(new FunnelStep(display, new EventMatcher(event.get(), where)));
  }

  private static boolean isReference(String text) {
    return text.startsWith("touchpoint:") || text.startsWith("stage:");
  }

  private Optional<StepMatcher> reference(String text, String path) {
    if (!isReference(text)) {
      if (text.isBlank()) {
        problem(path, "a step needs an event name, was blank");
        return Optional.empty();
      }
      return Optional.of(EventMatcher.named(text));
    }
    if (text.indexOf(':') == text.length() - 1) {
      problem(path, "'%s' needs an id after the colon, e.g. %strial".formatted(text, text));
      return Optional.empty();
    }
    if (resolver.isEmpty()) {
      problem(path, "%s needs a map: give --map FILE|ID (CLI) or \"map\" (HTTP)".formatted(text));
      return Optional.empty();
    }
    Optional<StepMatcher> matcher = resolver.get().resolve(text);
    if (matcher.isEmpty()) {
      problem(
          path,
          "%s is not in the map; check the id against the map's touchpoints and stages"
              .formatted(text));
    }
    return matcher;
  }

  private List<Exclusion> exclusions(JsonNode node, int stepCount) {
    List<Exclusion> out = new ArrayList<>();
    if (!node.isArray()) {
      problem(
          "$.exclusions",
          "exclusions must be a list of {\"event\": …, \"fromStep\": N, \"toStep\": M}, was "
              + kind(node));
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      String path = "$.exclusions[" + i + "]";
      JsonNode x = node.get(i);
      if (!x.isObject()) {
        problem(
            path,
            "an exclusion must be {\"event\": …, \"fromStep\": N, \"toStep\": M}, was " + kind(x));
        continue;
      }
      Optional<FunnelStep> step = step(x, path, "exclusion " + i, EXCLUSION_FIELDS);
      Optional<Integer> from = stepIndex(x, "fromStep", path, stepCount);
      Optional<Integer> to = stepIndex(x, "toStep", path, stepCount);
      if (from.isPresent() && to.isPresent() && from.get() >= to.get()) {
        problem(
            path + ".toStep",
            "toStep (%d) must be greater than fromStep (%d): an exclusion applies between two steps"
                .formatted(to.get(), from.get()));
        continue;
      }
      if (step.isPresent() && from.isPresent() && to.isPresent()) {
        out.add(new Exclusion(step.get().name(), step.get().matcher(), from.get(), to.get()));
      }
    }
    return out;
  }

  private Optional<Integer> stepIndex(JsonNode x, String field, String path, int stepCount) {
    JsonNode value = x.get(field);
    String at = path + "." + field;
    if (value == null) {
      problem(
          at,
          "an exclusion needs \"%s\", a step number from 0 to %d".formatted(field, stepCount - 1));
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      problem(
          at,
          "%s must be a step number from 0 to %d, was %s".formatted(field, stepCount - 1, value));
      return Optional.empty();
    }
    int index = value.intValue();
    if (index < 0 || index >= stepCount) {
      problem(
          at,
          "%s %d is outside the steps: the funnel has %d steps, numbered 0 to %d"
              .formatted(field, index, stepCount, stepCount - 1));
      return Optional.empty();
    }
    return Optional.of(index);
  }

  private void where(JsonNode node, FunnelQuery.Builder builder) {
    if (!node.isObject()) {
      problem(
          "$.where",
          "where must be an object with channel, source, properties or traits, was " + kind(node));
      return;
    }
    unknownFields(node, "$.where", WHERE_FIELDS);
    Set<String> channels = texts(node.get("channel"), "$.where.channel");
    Set<String> sources = texts(node.get("source"), "$.where.source");
    List<PropertyCondition> properties =
        conditions(node.get("properties"), "$.where.properties", "the event filter");
    List<PropertyCondition> traits =
        conditions(node.get("traits"), "$.where.traits", "the profile filter");
    builder.eventFilter(new EventFilter(channels, sources, properties));
    if (!traits.isEmpty()) {
      builder.profileFilter(new TraitFilter(traits));
    }
  }

  private Set<String> texts(JsonNode node, String path) {
    Set<String> out = new LinkedHashSet<>();
    if (node == null) {
      return out;
    }
    if (node.isTextual()) {
      out.add(node.textValue());
    } else if (node.isArray() && !node.isEmpty()) {
      node.forEach(
          item -> {
            if (item.isTextual()) {
              out.add(item.textValue());
            } else {
              problem(path, "values must be texts, was " + kind(item));
            }
          });
    } else {
      problem(
          path,
          "must be a text or a non-empty list of texts (any of them matches), was " + kind(node));
    }
    return out;
  }

  private List<PropertyCondition> conditions(JsonNode node, String path, String context) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    return ConditionReader.read(
        node,
        context,
        (property, message) -> problem(property.map(p -> path + "." + p).orElse(path), message));
  }

  private Optional<Breakdown> breakdown(JsonNode node) {
    if (node.isTextual() && !node.textValue().isBlank()) {
      return Optional.of(new Breakdown.PropertyOrTrait(node.textValue()));
    }
    if (node.isObject() && node.size() == 1) {
      unknownFields(node, "$.breakdown", BREAKDOWN_FIELDS);
      Map.Entry<String, JsonNode> only = node.properties().iterator().next();
      if (!only.getValue().isTextual() || only.getValue().textValue().isBlank()) {
        problem(
            "$.breakdown." + only.getKey(),
            "must be a property or trait name, was " + kind(only.getValue()));
        return Optional.empty();
      }
      String name = only.getValue().textValue();
      return switch (only.getKey()) {
        case "property" -> Optional.of(new Breakdown.EventProperty(name));
        case "trait" -> Optional.of(new Breakdown.ProfileTrait(name));
        default -> Optional.empty();
      };
    }
    problem(
        "$.breakdown",
        "breakdown must be a name (the entry event's property, else the profile's trait), {\"property\": name} or {\"trait\": name}, was "
            + kind(node));
    return Optional.empty();
  }

  private Optional<Instant> instant(JsonNode doc, String field) {
    String path = "$." + field;
    return text(doc, field, path)
        .flatMap(
            text -> {
              try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
              } catch (DateTimeParseException e) {
                problem(
                    path,
                    "'%s' is not an ISO-8601 time with offset, e.g. 2026-01-01T00:00:00Z"
                        .formatted(text));
                return Optional.empty();
              }
            });
  }

  private Optional<String> text(JsonNode obj, String field, String path) {
    JsonNode value = obj.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      problem(path, field + " must be a text, was " + kind(value));
      return Optional.empty();
    }
    return Optional.of(value.textValue());
  }

  private void unknownFields(JsonNode obj, String path, List<String> allowed) {
    for (Map.Entry<String, JsonNode> field : obj.properties()) {
      if (!allowed.contains(field.getKey())) {
        problem(
            path + "." + field.getKey(),
            "unknown field '%s'%s; known fields: %s"
                .formatted(
                    field.getKey(),
                    Suggestions.hint(field.getKey(), allowed),
                    String.join(", ", allowed)));
      }
    }
  }

  private void attempt(String path, Runnable action) {
    try {
      action.run();
    } catch (IllegalArgumentException e) {
      problem(path, e.getMessage());
    }
  }

  private void problem(String path, String message) {
    problems.add(new FunnelQueryProblem(path, message));
  }

  static String describe(PropertyCondition c) {
    return c.property()
        + " "
        + c.operator().wireName()
        + (c.operands().isEmpty()
            ? ""
            : " "
                + String.join(
                    ", ", c.operands().stream().map(s -> String.valueOf(s.raw())).toList()));
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case STRING -> "a text";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
