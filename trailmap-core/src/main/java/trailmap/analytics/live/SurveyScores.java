package trailmap.analytics.live;

import java.util.EnumMap;
import java.util.Map;
import trailmap.analytics.stats.Interval;
import trailmap.analytics.surveys.SurveyGroup;
import trailmap.analytics.surveys.SurveyKind;

/**
 * The survey figures of one touchpoint or stage: NPS in points (−100..100), CSAT as the share
 * satisfied (0..1) and CES as the mean (1..7, lower is better), each with its 95% interval and n
 * (NaN figures and n 0 when nobody answered).
 */
public record SurveyScores(Map<SurveyKind, Interval> figures) {
  public SurveyScores {
    EnumMap<SurveyKind, Interval> all = new EnumMap<>(SurveyKind.class);
    all.putAll(figures);
    for (SurveyKind kind : SurveyKind.values()) {
      if (!all.containsKey(kind)) {
        throw new IllegalArgumentException("survey scores need every kind; " + kind + " missing");
      }
    }
    figures = java.util.Collections.unmodifiableMap(all);
  }

  /** The figures of a group's answers. */
  public static SurveyScores of(SurveyGroup group) {
    EnumMap<SurveyKind, Interval> figures = new EnumMap<>(SurveyKind.class);
    for (SurveyKind kind : SurveyKind.values()) {
      figures.put(kind, group.tally(kind).interval());
    }
    return new SurveyScores(figures);
  }

  public Interval get(SurveyKind kind) {
    return figures.get(kind);
  }

  /** Answers of every kind together. */
  public long n() {
    return figures.values().stream().mapToLong(Interval::n).sum();
  }
}
