package trailmap.analytics.friction;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import trailmap.analytics.EventFilter;
import trailmap.analytics.EventTable;
import trailmap.analytics.conversion.Conversion;
import trailmap.analytics.conversion.ConversionFound;
import trailmap.analytics.conversion.StepTest;
import trailmap.analytics.matching.TouchpointMatching;
import trailmap.analytics.surveys.ResponsesRead;
import trailmap.analytics.surveys.SurveyFields;
import trailmap.analytics.surveys.SurveyResponses;
import trailmap.maps.Hypothesis;
import trailmap.maps.HypothesisMetric;
import trailmap.maps.JourneyMap;
import trailmap.maps.Kpi;
import trailmap.maps.PainPoint;
import trailmap.maps.Touchpoint;

/**
 * Finds friction on a map's journeys and ranks it.
 *
 * <pre>{@code
 * List<FrictionItem> items = Friction.of(table, map, SurveyFields.DEFAULT, FrictionRules.DEFAULT, EventFilter.ALL);
 * }</pre>
 *
 * <p>Every item scores {@code affected × intensity}: the number of profiles (drop-off, repeat
 * contacts), transitions (long waits) or answers (low scores, negative feedback) that struggle,
 * times how far beyond its threshold the finding is, from 0 to 1. Items rank by score, highest
 * first (ties by kind and touchpoint). Intensities:
 *
 * <ul>
 *   <li>drop-off: {@code (observed − expected) / (1 − expected)}; listed when observed exceeds the
 *       expectation, at least minimumN profiles reach the touchpoint and at least one of them
 *       reaches a later stage (when none does, the journey ends there);
 *   <li>repeat contacts: repeated episodes / all episodes starting there;
 *   <li>long wait: {@code 1 − waitRatio × overall median / p90};
 *   <li>low score: CES {@code (mean − cesAbove) / (7 − cesAbove)}, CSAT {@code (csatBelow − share)
 *       / csatBelow}, NPS {@code (npsBelow − nps) / (npsBelow + 100)};
 *   <li>negative feedback: negative comments / all comments at the touchpoint.
 * </ul>
 *
 * <p>An item links to every pain point of its touchpoint (for a transition, where it starts); an
 * item whose touchpoint has none, or that is on no touchpoint, is not on the map yet.
 */
public final class Friction {
  private Friction() {}

  public static List<FrictionItem> of(
      EventTable table,
      JourneyMap map,
      SurveyFields fields,
      FrictionRules rules,
      EventFilter range) {
    TouchpointMatching matching = TouchpointMatching.of(map, table);
    List<FrictionItem> items = new ArrayList<>();
    items.addAll(dropOffs(table, map, matching, rules, range));
    items.addAll(RepeatContactsFinder.find(table, map, matching, rules, range));
    items.addAll(LongWaitsFinder.find(table, map, rules, range));
    ResponsesRead responses = SurveyResponses.read(table, Optional.of(map), fields, range);
    items.addAll(FeedbackFinder.find(responses, map, rules));
    items.sort(
        Comparator.comparingDouble(FrictionItem::score)
            .reversed()
            .thenComparing(i -> i.evidence().kind())
            .thenComparing(i -> i.touchpoint().orElse(""))
            .thenComparing(i -> i.to().orElse("")));
    return List.copyOf(items);
  }

  static List<FrictionItem> dropOffs(
      EventTable table,
      JourneyMap map,
      TouchpointMatching matching,
      FrictionRules rules,
      EventFilter range) {
    int lastStage = map.stages().size() - 1;
    List<Integer> candidates = new ArrayList<>();
    List<ConversionFound> found = new ArrayList<>();
    for (int tp = 0; tp < matching.touchpoints(); tp++) {
      int stage = matching.touchpoint(tp).stageIndex();
      if (stage == lastStage) {
        continue;
      }
      BitSet first = new BitSet();
      first.set(tp);
      BitSet later = new BitSet();
      for (int other = 0; other < matching.touchpoints(); other++) {
        if (matching.touchpoint(other).stageIndex() > stage) {
          later.set(other);
        }
      }
      ConversionFound onwards =
          Conversion.of(
              table,
              StepTest.touchpoints(matching, first),
              StepTest.touchpoints(matching, later),
              Conversion.NO_WINDOW,
              range);
      // Nobody going on at all means the later stages are not where this path continues (the
      // journey ends here), not that everyone gives up.
      if (onwards.entered() >= rules.minimumN() && onwards.converted() > 0) {
        candidates.add(tp);
        found.add(onwards);
      }
    }
    double median = median(found.stream().mapToDouble(f -> f.dropOff().estimate()).toArray());
    List<FrictionItem> items = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Touchpoint touchpoint =
          map.touchpoint(matching.touchpoint(candidates.get(i)).touchpointId()).orElseThrow();
      ConversionFound onwards = found.get(i);
      Optional<Double> fromClaim = expectedByClaim(map, touchpoint.id());
      Optional<Double> fromKpi = expectedByKpi(touchpoint);
      double expected = fromClaim.or(() -> fromKpi).orElse(median);
      String expectedFrom =
          fromClaim.isPresent() ? "hypothesis" : fromKpi.isPresent() ? "kpi" : "median";
      double observed = onwards.dropOff().estimate();
      if (observed <= expected || expected >= 1) {
        continue;
      }
      double intensity = (observed - expected) / (1 - expected);
      items.add(
          new FrictionItem(
              Optional.of(touchpoint.id()),
              Optional.empty(),
              Optional.empty(),
              onwards.dropped() * intensity,
              onwards.dropped(),
              intensity,
              new Evidence.DropOff(
                  onwards.entered(), onwards.dropped(), onwards.dropOff(), expected, expectedFrom),
              touchpoint.painPoints()));
    }
    return items;
  }

  /**
   * The drop-off a claim of the map expects at a touchpoint: the first drop-off or conversion
   * hypothesis (in map order, without a {@code to}) measured there — at its named touchpoint, else
   * at the touchpoint carrying it — read as a drop-off bound (atMost, else atLeast) or a conversion
   * bound (1 − atLeast, else 1 − atMost). A claim carried here but measured elsewhere says nothing
   * about this touchpoint.
   */
  static Optional<Double> expectedByClaim(JourneyMap map, String touchpointId) {
    for (Touchpoint carrier : map.touchpoints().toList()) {
      for (PainPoint pain : carrier.painPoints()) {
        if (pain.hypothesis().isEmpty()) {
          continue;
        }
        Hypothesis h = pain.hypothesis().get();
        if (h.to().isPresent() || !h.touchpoint().orElse(carrier.id()).equals(touchpointId)) {
          continue;
        }
        if (h.metric() == HypothesisMetric.DROP_OFF) {
          return h.atMost().or(h::atLeast);
        }
        if (h.metric() == HypothesisMetric.CONVERSION) {
          return Optional.of(1 - h.atLeast().or(h::atMost).orElseThrow());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The drop-off a KPI of the touchpoint expects: the first whose metric is {@code drop-off} or
   * {@code conversion} (1 − target) with a target, read as a percentage when its unit is {@code %}.
   */
  static Optional<Double> expectedByKpi(Touchpoint touchpoint) {
    for (Kpi kpi : touchpoint.kpis()) {
      if (kpi.target().isEmpty()) {
        continue;
      }
      double target = kpi.target().get() / (kpi.unit().equals("%") ? 100 : 1);
      if (kpi.metric().equals("drop-off")) {
        return Optional.of(target);
      }
      if (kpi.metric().equals("conversion")) {
        return Optional.of(1 - target);
      }
    }
    return Optional.empty();
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The pain points of a touchpoint on the map; empty when it has none or is not on the map. */
  static List<PainPoint> painPoints(JourneyMap map, String touchpointId) {
    return map.touchpoint(touchpointId).map(Touchpoint::painPoints).orElse(List.of());
  }
}
