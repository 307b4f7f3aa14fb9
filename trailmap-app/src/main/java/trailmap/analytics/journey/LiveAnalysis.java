package trailmap.analytics.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;
import trailmap.analytics.hypotheses.HypothesisResult;
import trailmap.analytics.hypotheses.Judgement;
import trailmap.analytics.hypotheses.Verdict;
import trailmap.analytics.live.LiveFigures;
import trailmap.analytics.live.LiveKpi;
import trailmap.analytics.live.LiveMap;
import trailmap.analytics.live.Onwards;
import trailmap.analytics.live.StageFigures;
import trailmap.analytics.live.SurveyEmotion;
import trailmap.analytics.live.SurveyScores;
import trailmap.analytics.live.TouchpointFigures;
import trailmap.analytics.surveys.SurveyFields;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.maps.JourneyMap;
import trailmap.maps.Kpi;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * The living map as JSON ({@code GET /api/maps/{id}/live}): the {@link LiveMap} figures of every
 * stage and touchpoint, the hypothesis verdicts (as {@link HypothesesAnalysis} writes them) and the
 * friction found in the data (the {@link FrictionAnalysis} answer with its defaults), over all
 * events, with minimum n {@value #MINIMUM_N} and the default survey fields. See docs/living-map.md
 * for the answer's fields.
 */
public final class LiveAnalysis {
  /** Observations a KPI or hypothesis needs before it is judged. */
  public static final int MINIMUM_N = Judgement.DEFAULT_MINIMUM_N;

  private LiveAnalysis() {}

  /** The map's live figures over every event of the table. */
  public static LiveFigures figures(EventTable table, JourneyMap map) {
    return LiveMap.compute(table, map, SurveyFields.DEFAULT, EventFilter.ALL, MINIMUM_N);
  }

  /** The friction answer with every default (top 20). */
  public static JsonNode friction(EventTable table, JourneyMap map) {
    return FrictionAnalysis.run(JsonNodeFactory.instance.objectNode(), table, Optional.of(map));
  }

  /** The whole answer: figures, verdicts and friction. */
  public static JsonNode run(EventTable table, JourneyMap map) {
    return answer(map, figures(table, map), friction(table, map));
  }

  /** The answer from figures and a friction answer already computed. */
  public static JsonNode answer(JourneyMap map, LiveFigures live, JsonNode friction) {
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    describe(answer.putObject("counted"), live, friction);
    answer.put("map", map.id());
    answer.put("profiles", live.profiles());
    answer.put("minimumN", live.minimumN());
    ArrayNode stages = answer.putArray("stages");
    for (Stage stage : map.stages()) {
      StageFigures s = live.stage(stage.id()).orElseThrow();
      ObjectNode o = stages.addObject();
      o.put("stage", stage.id());
      o.put("name", stage.name());
      o.put("reached", s.reached());
      onwards(o, s.onwards());
      surveys(o.putObject("surveys"), s.scores());
      emotion(o.putObject("emotion"), s.emotion(), Optional.empty());
      kpis(o.putArray("kpis"), s.kpis());
    }
    ArrayNode touchpoints = answer.putArray("touchpoints");
    for (Touchpoint touchpoint : map.touchpoints().toList()) {
      TouchpointFigures t = live.touchpoint(touchpoint.id()).orElseThrow();
      ObjectNode o = touchpoints.addObject();
      o.put("touchpoint", touchpoint.id());
      o.put("name", touchpoint.name());
      o.put("stage", t.stage());
      o.put("channel", touchpoint.channel());
      o.put("reached", t.reached());
      onwards(o, t.onwards());
      surveys(o.putObject("surveys"), t.scores());
      emotion(o.putObject("emotion"), t.emotion(), t.drawn());
      kpis(o.putArray("kpis"), t.kpis());
    }
    Map<Verdict, Integer> summary = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      summary.put(v, 0);
    }
    ArrayNode hypotheses = answer.putArray("hypotheses");
    for (HypothesisResult result : live.hypotheses()) {
      summary.merge(result.verdict(), 1, Integer::sum);
      HypothesesAnalysis.write(hypotheses.addObject(), result);
    }
    answer
        .putObject("verdicts")
        .put("supported", summary.get(Verdict.SUPPORTED))
        .put("refuted", summary.get(Verdict.REFUTED))
        .put("notEnoughData", summary.get(Verdict.NOT_ENOUGH_DATA));
    ObjectNode f = answer.putObject("friction");
    f.set("itemCount", friction.get("itemCount"));
    f.set("items", friction.get("items"));
    return answer;
  }

  private static void describe(ObjectNode counted, LiveFigures live, JsonNode friction) {
    counted.put("map", live.map());
    counted.put("range", "every event");
    counted.put(
        "reached",
        "profiles with at least one event matching the touchpoint (a stage: any of its"
            + " touchpoints)");
    counted.put(
        "onwards",
        "a touchpoint: the share of profiles reaching it who later reach any later touchpoint in"
            + " map order (a stage: any touchpoint of a later stage), no window; dropOff = 1 -"
            + " conversion (Agresti-Coull); medianSecondsToNext from the earliest visit that goes"
            + " on (order statistics; n = profiles that went on); null for the last one");
    counted.put(
        "surveys",
        "nps (points), csat (share of 4-5), ces (mean 1-7, lower is better) of the answers"
            + " attached to the touchpoint (a stage: to its touchpoints)");
    counted.put(
        "emotion",
        "fromSurveys on -2..+2: csat 4*share-2, nps nps/50, ces (4-mean)/1.5, clipped; kinds with"
            + " at least "
            + SurveyEmotion.MINIMUM_ANSWERS
            + " answers, weighted by n; null with none. drawn: the team's emotion, the mean over"
            + " personas");
    counted.put(
        "kpis",
        "measured when the metric is conversion, drop-off, time-to-next (optionally 'to ID'), nps,"
            + " csat or ces, in the KPI's unit (% for shares; s, min, h, d, w for time); on-target"
            + " when the value is at or beyond the target in the better direction, with at least"
            + " minimumN observations; free text is not-measured and keeps the team's current");
    counted.set("friction", friction.get("counted"));
  }

  private static void onwards(ObjectNode target, Optional<Onwards> onwards) {
    if (onwards.isEmpty()) {
      target.putNull("onwards");
      return;
    }
    ObjectNode o = target.putObject("onwards");
    o.put("towards", onwards.get().towards().orElse(null));
    SurveyJson.interval(o.putObject("conversion"), "value", onwards.get().conversion());
    SurveyJson.interval(o.putObject("dropOff"), "value", onwards.get().dropOff());
    SurveyJson.interval(o.putObject("medianSecondsToNext"), "value", onwards.get().medianSeconds());
  }

  private static void surveys(ObjectNode target, SurveyScores scores) {
    for (SurveyKind kind : SurveyKind.values()) {
      ObjectNode k =
          SurveyJson.interval(target.putObject(kind.wireName()), "score", scores.get(kind));
      k.put("better", kind.better());
    }
  }

  private static void emotion(ObjectNode target, SurveyEmotion emotion, Optional<Double> drawn) {
    if (drawn.isPresent()) {
      target.put("drawn", drawn.get());
    } else {
      target.putNull("drawn");
    }
    if (emotion.score().isPresent()) {
      target.put("fromSurveys", emotion.score().get());
    } else {
      target.putNull("fromSurveys");
    }
    target.put("n", emotion.n());
    ObjectNode parts = target.putObject("parts");
    emotion.parts().forEach((kind, value) -> parts.put(kind.wireName(), value));
  }

  private static void kpis(ArrayNode target, List<LiveKpi> kpis) {
    for (LiveKpi live : kpis) {
      Kpi kpi = live.kpi();
      ObjectNode o = target.addObject();
      o.put("id", kpi.id());
      o.put("name", kpi.name());
      o.put("metric", kpi.metric());
      o.put("unit", kpi.unit());
      o.put("better", kpi.better().name().toLowerCase(java.util.Locale.ROOT));
      putOptional(o, "target", kpi.target());
      putOptional(o, "current", kpi.current());
      o.put("measured", live.live().isPresent());
      o.put("to", live.to().orElse(null));
      if (live.live().isPresent()) {
        SurveyJson.interval(o.putObject("live"), "value", live.live().get());
      } else {
        o.putNull("live");
      }
      o.put("status", live.status().wireName());
      o.put("reason", live.reason());
    }
  }

  private static void putOptional(ObjectNode o, String field, Optional<Double> value) {
    if (value.isPresent()) {
      o.put(field, value.get());
    } else {
      o.putNull(field);
    }
  }
}
