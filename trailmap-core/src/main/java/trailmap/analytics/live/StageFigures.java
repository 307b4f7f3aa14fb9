package trailmap.analytics.live;

import java.util.List;
import java.util.Optional;

/**
 * The live figures of one stage.
 *
 * @param reached profiles with an event at any of the stage's touchpoints (in the range)
 * @param onwards conversion to any touchpoint of a later stage; empty for the last stage
 * @param scores the survey answers attached to the stage's touchpoints
 * @param emotion the emotion those answers give on the −2..+2 scale
 * @param kpis the stage's own KPIs, in map order
 */
public record StageFigures(
    String stage,
    long reached,
    Optional<Onwards> onwards,
    SurveyScores scores,
    SurveyEmotion emotion,
    List<LiveKpi> kpis) {
  public StageFigures {
    onwards = onwards == null ? Optional.empty() : onwards;
    kpis = List.copyOf(kpis);
  }
}
