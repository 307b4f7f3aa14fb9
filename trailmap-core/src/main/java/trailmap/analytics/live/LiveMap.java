package trailmap.analytics.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;
import trailmap.analytics.conversion.Conversion;
import trailmap.analytics.conversion.ConversionFound;
import trailmap.analytics.conversion.StepTest;
import trailmap.analytics.hypotheses.Hypotheses;
import trailmap.analytics.matching.TouchpointMatching;
import trailmap.analytics.matching.TouchpointRef;
import trailmap.analytics.stats.Interval;
import trailmap.analytics.surveys.SurveyFields;
import trailmap.analytics.surveys.SurveyGroup;
import trailmap.analytics.surveys.SurveyKind;
import trailmap.analytics.surveys.Surveys;
import trailmap.analytics.surveys.SurveysFound;
import trailmap.maps.Emotion;
import trailmap.maps.HypothesisMetric;
import trailmap.maps.JourneyMap;
import trailmap.maps.Kpi;
import trailmap.maps.PainPoint;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/**
 * Measures a map on the events: the {@link LiveFigures} of every touchpoint and stage.
 *
 * <pre>{@code
 * LiveFigures live = LiveMap.compute(table, map, SurveyFields.DEFAULT, EventFilter.ALL, 30);
 * live.touchpoint("pricing").orElseThrow().onwards(); // conversion to any later touchpoint
 * }</pre>
 *
 * <p>A profile reaches a touchpoint when one of its events (in {@code range}) matches it, and a
 * stage when it reaches one of the stage's touchpoints. Going on is counted as the hypotheses count
 * it ({@link trailmap.analytics.conversion.Conversion} without a window): to any later touchpoint
 * in map order for a touchpoint, to any touchpoint of a later stage for a stage. Survey answers
 * attach as {@link Surveys} attaches them. KPIs are measured when their metric is computable (see
 * {@link KpiMetric}); an onward KPI without {@code to ID} on a touchpoint whose hypothesis names a
 * {@code to} is measured to that touchpoint, so the KPI and the claim speak of the same step.
 */
public final class LiveMap {
  private LiveMap() {}

  /**
   * @param minimumN observations a KPI needs before it is judged against its target (and a
   *     hypothesis before its verdict), at least 1
   */
  public static LiveFigures compute(
      EventTable table, JourneyMap map, SurveyFields fields, EventFilter range, int minimumN) {
    if (minimumN < 1) {
      throw new IllegalArgumentException("the minimum n must be 1 or more, was " + minimumN);
    }
    TouchpointMatching matching = TouchpointMatching.of(map, table);
    SurveysFound surveys = Surveys.of(table, Optional.of(map), fields, range, 0);
    Steps steps = new Steps(table, matching, range);

    List<TouchpointFigures> touchpoints = new ArrayList<>();
    List<Touchpoint> all = map.touchpoints().toList();
    for (int tp = 0; tp < all.size(); tp++) {
      Touchpoint touchpoint = all.get(tp);
      TouchpointRef ref = matching.touchpoint(tp);
      int at = tp;
      ConversionFound found = steps.between(t -> t == at, t -> t > at);
      SurveyScores scores = scores(surveys.byTouchpoint().get(touchpoint.id()));
      List<LiveKpi> kpis = new ArrayList<>();
      for (Kpi kpi : touchpoint.kpis()) {
        kpis.add(touchpointKpi(kpi, touchpoint, tp, all, steps, found, scores, minimumN));
      }
      touchpoints.add(
          new TouchpointFigures(
              touchpoint.id(),
              ref.stageId(),
              found.entered(),
              tp + 1 < all.size()
                  ? Optional.of(Onwards.of(Optional.empty(), found))
                  : Optional.empty(),
              scores,
              SurveyEmotion.of(scores),
              drawn(touchpoint),
              kpis));
    }

    List<StageFigures> stages = new ArrayList<>();
    for (int s = 0; s < map.stages().size(); s++) {
      Stage stage = map.stages().get(s);
      int index = s;
      ConversionFound found =
          steps.between(
              t -> matching.touchpoint(t).stageIndex() == index,
              t -> matching.touchpoint(t).stageIndex() > index);
      SurveyScores scores = scores(surveys.byStage().get(stage.id()));
      List<LiveKpi> kpis = new ArrayList<>();
      for (Kpi kpi : stage.kpis()) {
        kpis.add(stageKpi(kpi, s, map, matching, steps, found, scores, minimumN));
      }
      boolean later =
          map.stages().stream().skip(s + 1L).anyMatch(st -> !st.touchpoints().isEmpty());
      stages.add(
          new StageFigures(
              stage.id(),
              found.entered(),
              later ? Optional.of(Onwards.of(Optional.empty(), found)) : Optional.empty(),
              scores,
              SurveyEmotion.of(scores),
              kpis));
    }
    return new LiveFigures(
        map.id(),
        minimumN,
        table.profiles(),
        touchpoints,
        stages,
        Hypotheses.evaluate(table, map, fields, range, minimumN));
  }

  private static SurveyScores scores(SurveyGroup group) {
    return SurveyScores.of(group == null ? SurveyGroup.EMPTY : group);
  }

  private static Optional<Double> drawn(Touchpoint touchpoint) {
    return touchpoint.emotions().isEmpty()
        ? Optional.empty()
        : Optional.of(
            touchpoint.emotions().stream().mapToInt(Emotion::score).average().orElseThrow());
  }

  private static LiveKpi touchpointKpi(
      Kpi kpi,
      Touchpoint touchpoint,
      int tp,
      List<Touchpoint> all,
      Steps steps,
      ConversionFound anyLater,
      SurveyScores scores,
      int minimumN) {
    Optional<KpiMetric> parsed = KpiMetric.parse(kpi.metric());
    if (parsed.isEmpty()) {
      return LiveKpi.notMeasured(kpi, parsed, freeText(kpi));
    }
    KpiMetric metric = parsed.get();
    Optional<String> to = metric.to().or(() -> hypothesisTo(touchpoint, metric.metric()));
    Interval figure;
    if (KpiMetric.leadsOnwards(metric.metric())) {
      ConversionFound found;
      if (to.isPresent()) {
        int next = indexOf(all, to.get());
        if (next < 0) {
          return LiveKpi.notMeasured(
              kpi, parsed, "not measured: touchpoint '" + to.get() + "' is not on the map");
        }
        found = steps.between(t -> t == tp, t -> t == next);
      } else if (tp + 1 < all.size()) {
        found = anyLater;
      } else {
        return LiveKpi.notMeasured(
            kpi,
            parsed,
            "not measured: nothing follows '"
                + touchpoint.id()
                + "' on the map; name the next step with '"
                + metric.metric().wireName()
                + " to ID'");
      }
      figure = onward(metric.metric(), found);
    } else {
      figure = scores.get(SurveyKind.valueOf(metric.metric().name()));
    }
    return judged(kpi, metric, to, figure, minimumN);
  }

  private static LiveKpi stageKpi(
      Kpi kpi,
      int s,
      JourneyMap map,
      TouchpointMatching matching,
      Steps steps,
      ConversionFound anyLater,
      SurveyScores scores,
      int minimumN) {
    Optional<KpiMetric> parsed = KpiMetric.parse(kpi.metric());
    if (parsed.isEmpty()) {
      return LiveKpi.notMeasured(kpi, parsed, freeText(kpi));
    }
    KpiMetric metric = parsed.get();
    Interval figure;
    if (KpiMetric.leadsOnwards(metric.metric())) {
      ConversionFound found = anyLater;
      if (metric.to().isPresent()) {
        int next = -1;
        for (int i = 0; i < map.stages().size(); i++) {
          if (map.stages().get(i).id().equals(metric.to().get())) {
            next = i;
          }
        }
        if (next < 0) {
          return LiveKpi.notMeasured(
              kpi, parsed, "not measured: stage '" + metric.to().get() + "' is not on the map");
        }
        int target = next;
        found =
            steps.between(
                t -> matching.touchpoint(t).stageIndex() == s,
                t -> matching.touchpoint(t).stageIndex() == target);
      } else if (s + 1 == map.stages().size()) {
        return LiveKpi.notMeasured(
            kpi,
            parsed,
            "not measured: '"
                + map.stages().get(s).id()
                + "' is the last stage; name the next with '"
                + metric.metric().wireName()
                + " to STAGE'");
      }
      figure = onward(metric.metric(), found);
    } else {
      figure = scores.get(SurveyKind.valueOf(metric.metric().name()));
    }
    return judged(kpi, metric, metric.to(), figure, minimumN);
  }

  private static LiveKpi judged(
      Kpi kpi, KpiMetric metric, Optional<String> to, Interval figure, int minimumN) {
    Optional<Interval> value = metric.inUnit(figure, kpi.unit());
    if (value.isEmpty()) {
      return LiveKpi.notMeasured(
          kpi,
          Optional.of(metric),
          "not measured: unit '"
              + kpi.unit()
              + "' does not fit "
              + metric.metric().wireName()
              + "; use "
              + metric.units());
    }
    return LiveKpi.judge(kpi, metric, to, value.get(), minimumN);
  }

  private static Interval onward(HypothesisMetric metric, ConversionFound found) {
    return switch (metric) {
      case CONVERSION -> found.conversion();
      case DROP_OFF -> found.dropOff();
      default -> found.medianSeconds();
    };
  }

  private static String freeText(Kpi kpi) {
    String names =
        Arrays.stream(HypothesisMetric.values())
            .map(HypothesisMetric::wireName)
            .collect(Collectors.joining(", "));
    return kpi.metric().isBlank()
        ? "not measured: the KPI names no metric; name one of " + names
        : "not measured: the metric is free text; name one of " + names + " to measure it";
  }

  /** The {@code to} of a hypothesis on this touchpoint that measures an onward metric from it. */
  private static Optional<String> hypothesisTo(Touchpoint touchpoint, HypothesisMetric metric) {
    if (!KpiMetric.leadsOnwards(metric)) {
      return Optional.empty();
    }
    return touchpoint.painPoints().stream()
        .map(PainPoint::hypothesis)
        .flatMap(Optional::stream)
        .filter(h -> KpiMetric.leadsOnwards(h.metric()))
        .filter(h -> h.touchpoint().map(touchpoint.id()::equals).orElse(true))
        .flatMap(h -> h.to().stream())
        .findFirst();
  }

  private static int indexOf(List<Touchpoint> all, String id) {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** Conversions between sets of touchpoints of one matching. */
  private record Steps(EventTable table, TouchpointMatching matching, EventFilter range) {
    ConversionFound between(IntPredicate first, IntPredicate then) {
      BitSet a = new BitSet();
      BitSet b = new BitSet();
      for (int t = 0; t < matching.touchpoints(); t++) {
        a.set(t, first.test(t));
        b.set(t, then.test(t));
      }
      return Conversion.of(
          table,
          StepTest.touchpoints(matching, a),
          StepTest.touchpoints(matching, b),
          Conversion.NO_WINDOW,
          range);
    }
  }
}
