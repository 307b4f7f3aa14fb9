package trailmap.analytics.live;

import java.util.List;
import java.util.Optional;

/**
 * The live figures of one touchpoint.
 *
 * @param reached profiles with at least one event matching the touchpoint (in the range)
 * @param onwards conversion to any later touchpoint of the map; empty for the map's last
 *     touchpoint, where the journey ends
 * @param scores the survey answers attached to the touchpoint
 * @param emotion the emotion those answers give on the −2..+2 scale
 * @param drawn the emotion the team drew: the mean over the personas that have one here; empty when
 *     none has
 * @param kpis the touchpoint's KPIs, in map order
 */
public record TouchpointFigures(
    String touchpoint,
    String stage,
    long reached,
    Optional<Onwards> onwards,
    SurveyScores scores,
    SurveyEmotion emotion,
    Optional<Double> drawn,
    List<LiveKpi> kpis) {
  public TouchpointFigures {
    onwards = onwards == null ? Optional.empty() : onwards;
    drawn = drawn == null ? Optional.empty() : drawn;
    kpis = List.copyOf(kpis);
  }
}
