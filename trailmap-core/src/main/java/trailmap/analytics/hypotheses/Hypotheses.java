package trailmap.analytics.hypotheses;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;
import trailmap.analytics.conversion.Conversion;
import trailmap.analytics.conversion.ConversionFound;
import trailmap.analytics.conversion.StepTest;
import trailmap.analytics.matching.TouchpointMatching;
import trailmap.analytics.stats.Interval;
import trailmap.analytics.surveys.SurveyFields;
import trailmap.analytics.surveys.SurveyGroup;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.analytics.surveys.Surveys;
import trailmap.analytics.surveys.SurveysFound;
import trailmap.maps.Hypothesis;
import trailmap.maps.JourneyMap;
import trailmap.maps.PainPoint;
import trailmap.maps.Touchpoint;

/**
 * Evaluates every hypothesis on a map's pain points, in map order.
 *
 * <p>Metrics: {@code drop-off} and {@code conversion} are the shares of profiles reaching the
 * touchpoint who do not / do reach {@code to} (else any touchpoint later in map order) at any time
 * after, with Agresti–Coull intervals; {@code time-to-next} is the median seconds from the earliest
 * visit that goes on to the first later arrival, with an order-statistics interval (n = profiles
 * that went on); {@code nps}, {@code csat} and {@code ces} are the survey figures of the answers
 * attached to the touchpoint (see {@link trailmap.analytics.surveys.SurveyResponses}). A profile
 * reaches a touchpoint when one of its events matches it (an event may match several). The verdict
 * is {@link Judgement#of}.
 */
public final class Hypotheses {
  private Hypotheses() {}

  public static List<HypothesisResult> evaluate(
      EventTable table, JourneyMap map, SurveyFields fields, EventFilter range, int minimumN) {
    TouchpointMatching matching = TouchpointMatching.of(map, table);
    SurveysFound surveys = null;
    List<HypothesisResult> results = new ArrayList<>();
    for (Touchpoint carrier : map.touchpoints().toList()) {
      for (PainPoint pain : carrier.painPoints()) {
        if (pain.hypothesis().isEmpty()) {
          continue;
        }
        Hypothesis h = pain.hypothesis().get();
        String at = h.touchpoint().orElse(carrier.id());
        Interval measured;
        String unit;
        switch (h.metric()) {
          case DROP_OFF, CONVERSION, TIME_TO_NEXT -> {
            ConversionFound found = onwards(table, matching, at, h.to(), range);
            measured =
                switch (h.metric()) {
                  case DROP_OFF -> found.dropOff();
                  case CONVERSION -> found.conversion();
                  default -> found.medianSeconds();
                };
            unit = h.metric() == trailmap.maps.HypothesisMetric.TIME_TO_NEXT ? "seconds" : "share";
          }
          case NPS, CSAT, CES -> {
            if (surveys == null) {
              surveys = Surveys.of(table, Optional.of(map), fields, range, 0);
            }
            SurveyKind kind = SurveyKind.valueOf(h.metric().name());
            SurveyGroup group = surveys.byTouchpoint().getOrDefault(at, SurveyGroup.EMPTY);
            measured = group.tally(kind).interval();
            unit =
                switch (kind) {
                  case NPS -> "points";
                  case CSAT -> "share";
                  case CES -> "mean (1-7, lower is better)";
                };
          }
          default -> throw new IllegalStateException("unknown metric " + h.metric());
        }
        results.add(
            new HypothesisResult(
                h,
                carrier.id(),
                pain.text(),
                at,
                h.to(),
                measured,
                unit,
                Judgement.of(measured, h.atLeast(), h.atMost(), minimumN)));
      }
    }
    return List.copyOf(results);
  }

  /** From touchpoint {@code at} to {@code to}, or to any touchpoint after it in map order. */
  static ConversionFound onwards(
      EventTable table,
      TouchpointMatching matching,
      String at,
      Optional<String> to,
      EventFilter range) {
    int from = index(matching, at);
    BitSet first = new BitSet();
    BitSet then = new BitSet();
    if (from >= 0) {
      first.set(from);
      if (to.isPresent()) {
        int next = index(matching, to.get());
        if (next >= 0) {
          then.set(next);
        }
      } else {
        then.set(from + 1, matching.touchpoints());
      }
    }
    return Conversion.of(
        table,
        StepTest.touchpoints(matching, first),
        StepTest.touchpoints(matching, then),
        Conversion.NO_WINDOW,
        range);
  }

  private static int index(TouchpointMatching matching, String touchpointId) {
    for (int tp = 0; tp < matching.touchpoints(); tp++) {
      if (matching.touchpoint(tp).touchpointId().equals(touchpointId)) {
        return tp;
      }
    }
    return -1;
  }
}
