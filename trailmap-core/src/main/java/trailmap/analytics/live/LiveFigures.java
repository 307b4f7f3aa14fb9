package trailmap.analytics.live;

import java.util.List;
import java.util.Optional;
import trailmap.analytics.hypotheses.HypothesisResult;

/**
 * A map measured on the data: figures per touchpoint and stage in map order, and the verdicts of
 * its hypotheses.
 *
 * @param minimumN the observations a KPI or hypothesis needs before it is judged
 * @param profiles the profiles in the table
 */
public record LiveFigures(
    String map,
    int minimumN,
    long profiles,
    List<TouchpointFigures> touchpoints,
    List<StageFigures> stages,
    List<HypothesisResult> hypotheses) {
  public LiveFigures {
    touchpoints = List.copyOf(touchpoints);
    stages = List.copyOf(stages);
    hypotheses = List.copyOf(hypotheses);
  }

  public Optional<TouchpointFigures> touchpoint(String id) {
    return touchpoints.stream().filter(t -> t.touchpoint().equals(id)).findFirst();
  }

  public Optional<StageFigures> stage(String id) {
    return stages.stream().filter(s -> s.stage().equals(id)).findFirst();
  }
}
