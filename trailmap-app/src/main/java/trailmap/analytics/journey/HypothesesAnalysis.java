package trailmap.analytics.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;
import trailmap.analytics.hypotheses.Hypotheses;
import trailmap.analytics.hypotheses.HypothesisResult;
import trailmap.analytics.hypotheses.Judgement;
import trailmap.analytics.hypotheses.Verdict;
import trailmap.analytics.surveys.SurveyFields;
import trailmap.maps.Hypothesis;
import trailmap.maps.JourneyMap;

/**
 * The hypotheses analysis, for the living map: every claim on the map's pain points judged
 * supported, refuted or not enough data, with the value, 95% interval, n and thresholds behind it.
 *
 * <p>Query fields, all optional: {@code from}, {@code to} (ISO 8601 instants: visits and answers in
 * {@code [from, to)}; going on to the next touchpoint may happen later), {@code minimumN} (1 to
 * 1,000,000, default 30), the survey fields of {@link SurveysAnalysis} and {@code map}. The answer:
 * {@code {"counted": {…}, "map": ID, "minimumN": N, "summary": {"supported", "refuted",
 * "notEnoughData"}, "hypotheses": [{"claim", "metric", "carrier", "painPoint", "touchpoint", "to",
 * "atLeast", "atMost", "value", "low", "high", "n", "method", "unit", "verdict", "reason",
 * "estimateHolds"}]}}.
 */
public final class HypothesesAnalysis {
  static final Set<String> FIELDS;

  static {
    Set<String> fields = new HashSet<>(SurveyQuery.FIELDS);
    fields.addAll(Set.of("from", "to", "minimumN", "map"));
    FIELDS = Set.copyOf(fields);
  }

  private HypothesesAnalysis() {}

  /** The living map's verdicts with the defaults: all data, minimum n 30, default survey fields. */
  public static JsonNode run(EventTable table, JourneyMap map) {
    return run(JsonNodeFactory.instance.objectNode(), table, Optional.of(map));
  }

  /**
   * Runs the query over {@code table} against {@code map}.
   *
   * @param map the map whose hypotheses are judged; required
   * @throws trailmap.server.ProblemException 400 {@code invalid-query} naming the field
   */
  public static JsonNode run(JsonNode query, EventTable table, Optional<JourneyMap> map) {
    QueryReader reader = QueryReader.of(query, "hypotheses", FIELDS);
    JourneyMap journeyMap =
        map.orElseThrow(
            () ->
                InvalidQuery.at(
                    "map",
                    "hypotheses are claims on a map; pass one with --map FILE|ID (HTTP: \"map\":"
                        + " ID)"));
    int minimumN = reader.integer("minimumN", Judgement.DEFAULT_MINIMUM_N, 1, 1_000_000);
    SurveyFields fields = SurveyQuery.fields(reader);
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
    List<HypothesisResult> results =
        Hypotheses.evaluate(table, journeyMap, fields, range, minimumN);

    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    ObjectNode counted = answer.putObject("counted");
    counted.put("map", journeyMap.id());
    ObjectNode r = counted.putObject("range");
    r.put("from", from.map(Instant::toString).orElse(null));
    r.put("to", to.map(Instant::toString).orElse(null));
    r.put(
        "rule", "visits and answers at or after from and before to; going on may happen after to");
    counted.put(
        "verdict",
        "not-enough-data below minimumN observations; supported when the whole 95% interval"
            + " satisfies atLeast/atMost (inclusive); refuted when the whole interval violates one;"
            + " otherwise not-enough-data (the interval reaches both sides)");
    counted.put(
        "drop-off",
        "share of profiles reaching the touchpoint who never reach 'to' (else any touchpoint later"
            + " in map order) after it; Agresti-Coull interval; n = profiles reaching it");
    counted.put("conversion", "1 - drop-off, same counting");
    counted.put(
        "time-to-next",
        "median seconds from the earliest visit that goes on to the first later arrival;"
            + " order-statistics interval; n = profiles that went on");
    counted.put(
        "surveys",
        "nps (points, adjusted Wald), csat (share of 4-5, Agresti-Coull), ces (mean 1-7, lower"
            + " effort is better, t) of the answers attached to the touchpoint");
    SurveyQuery.describe(counted.putObject("answers"), fields);
    answer.put("map", journeyMap.id());
    answer.put("minimumN", minimumN);
    Map<Verdict, Integer> summary = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      summary.put(v, 0);
    }
    ArrayNode list = answer.putArray("hypotheses");
    for (HypothesisResult result : results) {
      summary.merge(result.verdict(), 1, Integer::sum);
      write(list.addObject(), result);
    }
    answer
        .putObject("summary")
        .put("supported", summary.get(Verdict.SUPPORTED))
        .put("refuted", summary.get(Verdict.REFUTED))
        .put("notEnoughData", summary.get(Verdict.NOT_ENOUGH_DATA));
    if (results.isEmpty()) {
      Answers.warnings(
          answer,
          List.of(
              "map '"
                  + journeyMap.id()
                  + "' has no hypotheses; add one to a pain point (painPoints[].hypothesis)"));
    }
    return answer;
  }

  static void write(ObjectNode h, HypothesisResult result) {
    Hypothesis claim = result.hypothesis();
    h.put("claim", claim.claim());
    h.put("metric", claim.metric().wireName());
    h.put("carrier", result.carrier());
    h.put("painPoint", result.painPoint());
    h.put("touchpoint", result.touchpoint());
    h.put("to", result.to().orElse(null));
    claim.atLeast().ifPresent(v -> h.put("atLeast", v));
    claim.atMost().ifPresent(v -> h.put("atMost", v));
    SurveyJson.interval(h, "value", result.measured());
    h.put("unit", result.unit());
    h.put("verdict", result.verdict().wireName());
    h.put("reason", result.judgement().reason());
    h.put("estimateHolds", result.judgement().estimateHolds());
  }
}
