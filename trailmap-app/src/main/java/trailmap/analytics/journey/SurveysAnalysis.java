package trailmap.analytics.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import trailmap.analytics.Dictionary;
import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;
import trailmap.analytics.surveys.Rejected;
import trailmap.analytics.surveys.SurveyFields;
import trailmap.analytics.surveys.SurveyGroup;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.analytics.surveys.Surveys;
import trailmap.analytics.surveys.SurveysFound;
import trailmap.maps.JourneyMap;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * The surveys analysis: NPS, CSAT and CES per touchpoint, stage and channel, and overall, each with
 * n, a 95% interval, a weekly trend and the most recent comments.
 *
 * <p>Query fields, all optional: {@code from}, {@code to} (ISO 8601 instants; answers in {@code
 * [from, to)}), {@code survey} ({@code nps}, {@code csat} or {@code ces}: only that kind), {@code
 * comments} (comments kept per group, 0 to 1000, default 20), {@code event}, {@code
 * surveyProperty}, {@code scoreProperty}, {@code commentProperty}, {@code touchpointProperty}
 * (where the answers are; defaults {@code Survey Responded}, {@code survey}, {@code score}, {@code
 * comment}, {@code touchpoint}) and {@code map}. The answer: {@code {"counted": {…}, "scales":
 * {kind: {"min", "max", "better", "scale"}}, "responses": N, "rejected": {"count", "outOfRange",
 * "notANumber", "missingScore", "unknownSurvey"}, "unattached": N, "overall": group, "touchpoints":
 * [{"touchpoint", "stage", "onMap", …group}], "stages": [{"stage", …group}], "channels":
 * [{"channel", …group}]}} where a group is {@code {"n", "nps"|"csat"|"ces": {"score", "low",
 * "high", "n", "method", …}, "weekly": [{"week", "weekStart", kind: {…}}], "comments": {"total",
 * "kept": […]}}}.
 */
public final class SurveysAnalysis {
  static final Set<String> FIELDS;

  static {
    Set<String> fields = new HashSet<>(SurveyQuery.FIELDS);
    fields.addAll(Set.of("from", "to", "survey", "comments", "map"));
    FIELDS = Set.copyOf(fields);
  }

  static final int MAX_COMMENTS = 1000;

  private SurveysAnalysis() {}

  /**
   * Runs the query over {@code table}.
   *
   * @param map the map answers are attached to and grouped by; without one, answers are attached
   *     only to the touchpoint they name
   * @throws trailmap.server.ProblemException 400 {@code invalid-query} naming the field
   */
  public static JsonNode run(JsonNode query, EventTable table, Optional<JourneyMap> map) {
    QueryReader reader = QueryReader.of(query, "surveys", FIELDS);
    SurveyFields fields = SurveyQuery.fields(reader);
    Optional<SurveyKind> only = SurveyQuery.kind(reader, "survey");
    int cap = reader.integer("comments", Surveys.DEFAULT_COMMENTS, 0, MAX_COMMENTS);
    Optional<Instant> from = reader.instant("from");
    Optional<Instant> to = reader.instant("to");
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw InvalidQuery.at(
          "to",
          "'" + to.get() + "' must be after from '" + from.get() + "'; the range is [from, to)");
    }
    EventFilter range =
        EventFilter.within(
            from.map(JourneyScope::micros).orElse(Long.MIN_VALUE),
            to.map(JourneyScope::micros).orElse(Long.MAX_VALUE));
    SurveysFound found = Surveys.of(table, map, fields, range, cap);

    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    ObjectNode counted = answer.putObject("counted");
    SurveyQuery.describe(counted, fields);
    map.ifPresent(m -> counted.put("map", m.id()));
    ObjectNode r = counted.putObject("range");
    r.put("from", from.map(Instant::toString).orElse(null));
    r.put("to", to.map(Instant::toString).orElse(null));
    r.put("rule", "answers at or after from and before to; either bound may be open");
    counted.put("survey", only.map(SurveyKind::wireName).orElse("all"));
    counted.put(
        "intervals",
        "95%: NPS by adjusted Wald (Rocks 2016: n + 3, promoters and detractors + 3/4), CSAT by"
            + " Agresti-Coull, CES by Student's t");
    counted.put("weekly", "ISO weeks in UTC, starting on Monday; weeks without answers are absent");
    counted.put("comments", "most recent first, at most " + cap + " per group, with the total");
    SurveyJson.scales(answer.putObject("scales"));
    answer.put("responses", count(found.overall()));
    Rejected rejected = found.rejected();
    answer
        .putObject("rejected")
        .put("count", rejected.total())
        .put("outOfRange", rejected.outOfRange())
        .put("notANumber", rejected.notANumber())
        .put("missingScore", rejected.missingScore())
        .put("unknownSurvey", rejected.unknownSurvey());
    answer.put("unattached", found.unattached());
    SurveyKind kind = only.orElse(null);
    SurveyJson.group(answer.putObject("overall"), found.overall(), kind);
    ArrayNode touchpoints = answer.putArray("touchpoints");
    for (String id : touchpointOrder(found, map)) {
      ObjectNode t = touchpoints.addObject();
      t.put("touchpoint", id);
      Optional<Stage> stage = map.flatMap(m -> stageOf(m, id));
      stage.ifPresent(s -> t.put("stage", s.id()));
      t.put("onMap", stage.isPresent());
      SurveyJson.group(t, found.byTouchpoint().get(id), kind);
    }
    ArrayNode stages = answer.putArray("stages");
    for (String id : stageOrder(found, map)) {
      SurveyJson.group(stages.addObject().put("stage", id), found.byStage().get(id), kind);
    }
    ArrayNode channels = answer.putArray("channels");
    found
        .byChannel()
        .forEach((c, g) -> SurveyJson.group(channels.addObject().put("channel", c), g, kind));
    Answers.warnings(answer, warnings(found, table, fields, map));
    return answer;
  }

  private static long count(SurveyGroup group) {
    return group.tallies().values().stream().mapToLong(t -> t.n()).sum();
  }

  static List<String> warnings(
      SurveysFound found, EventTable table, SurveyFields fields, Optional<JourneyMap> map) {
    List<String> warnings = new ArrayList<>();
    if (table.names().lookup(fields.event()) == Dictionary.ABSENT) {
      warnings.add(
          "event: no event named '%s' was seen, so there are no answers; closest known: %s"
              .formatted(
                  fields.event(),
                  String.join(", ", Closest.to(fields.event(), table.names().texts(), 3))));
    }
    Rejected r = found.rejected();
    if (r.total() > 0) {
      warnings.add(
          ("%d survey answers were not counted: %d with a score off the scale or not whole"
                  + " (nps 0-10, csat 1-5, ces 1-7), %d with a score that is not a number, %d"
                  + " without a '%s' property, %d whose '%s' is not nps, csat or ces; fix the"
                  + " source, or set scoreProperty/surveyProperty")
              .formatted(
                  r.total(),
                  r.outOfRange(),
                  r.notANumber(),
                  r.missingScore(),
                  fields.score(),
                  r.unknownSurvey(),
                  fields.survey()));
    }
    if (!found.touchpointsNotOnMap().isEmpty()) {
      warnings.add(
          "answers name touchpoints the map '%s' does not have: %s; they are grouped by that id"
                  .formatted(
                      map.map(JourneyMap::id).orElse("?"),
                      String.join(", ", found.touchpointsNotOnMap()))
              + " but belong to no stage");
    }
    if (map.isEmpty() && found.unattached() > 0) {
      warnings.add(
          found.unattached()
              + " answers name no touchpoint and no map was given to attach them by the event"
              + " before; pass one with --map FILE|ID (HTTP: \"map\": ID)");
    }
    return warnings;
  }

  /** The map's touchpoints in map order, then ids not on the map in name order. */
  private static Set<String> touchpointOrder(SurveysFound found, Optional<JourneyMap> map) {
    Set<String> order = new LinkedHashSet<>();
    map.ifPresent(
        m ->
            m.touchpoints()
                .map(Touchpoint::id)
                .filter(found.byTouchpoint()::containsKey)
                .forEach(order::add));
    order.addAll(found.byTouchpoint().keySet());
    return order;
  }

  private static Set<String> stageOrder(SurveysFound found, Optional<JourneyMap> map) {
    Set<String> order = new LinkedHashSet<>();
    map.ifPresent(
        m ->
            m.stages().stream()
                .map(Stage::id)
                .filter(found.byStage()::containsKey)
                .forEach(order::add));
    order.addAll(found.byStage().keySet());
    return order;
  }

  static Optional<Stage> stageOf(JourneyMap map, String touchpointId) {
    return map.stages().stream()
        .filter(s -> s.touchpoints().stream().anyMatch(t -> t.id().equals(touchpointId)))
        .findFirst();
  }
}
