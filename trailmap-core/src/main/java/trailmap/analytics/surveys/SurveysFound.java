package trailmap.analytics.surveys;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BinaryOperator;

/**
 * The survey answers of a table summed per group.
 *
 * @param overall every valid answer
 * @param byTouchpoint answers attached to each touchpoint id
 * @param byStage answers attached to a touchpoint of each stage
 * @param byChannel answers by the channel of their touchpoint (else of the survey event)
 * @param unattached valid answers that could be attached to no touchpoint
 * @param rejected answers not counted, by reason
 * @param touchpointsNotOnMap touchpoint ids answers named that the map does not have
 */
public record SurveysFound(
    SurveyGroup overall,
    SortedMap<String, SurveyGroup> byTouchpoint,
    SortedMap<String, SurveyGroup> byStage,
    SortedMap<String, SurveyGroup> byChannel,
    long unattached,
    Rejected rejected,
    SortedSet<String> touchpointsNotOnMap) {

  public SurveysFound {
    byTouchpoint = Collections.unmodifiableSortedMap(new TreeMap<>(byTouchpoint));
    byStage = Collections.unmodifiableSortedMap(new TreeMap<>(byStage));
    byChannel = Collections.unmodifiableSortedMap(new TreeMap<>(byChannel));
    touchpointsNotOnMap = Collections.unmodifiableSortedSet(new TreeSet<>(touchpointsNotOnMap));
  }

  /** Both partitions together, as if summed at once (comments cut to {@code cap}). */
  public SurveysFound merge(SurveysFound other, int cap) {
    BinaryOperator<SurveyGroup> add = (a, b) -> a.merge(b, cap);
    TreeSet<String> notOnMap = new TreeSet<>(touchpointsNotOnMap);
    notOnMap.addAll(other.touchpointsNotOnMap);
    return new SurveysFound(
        overall.merge(other.overall, cap),
        merge(byTouchpoint, other.byTouchpoint, add),
        merge(byStage, other.byStage, add),
        merge(byChannel, other.byChannel, add),
        unattached + other.unattached,
        rejected.merge(other.rejected),
        notOnMap);
  }

  private static SortedMap<String, SurveyGroup> merge(
      SortedMap<String, SurveyGroup> a,
      SortedMap<String, SurveyGroup> b,
      BinaryOperator<SurveyGroup> add) {
    TreeMap<String, SurveyGroup> sum = new TreeMap<>(a);
    b.forEach((key, group) -> sum.merge(key, group, add));
    return sum;
  }
}
