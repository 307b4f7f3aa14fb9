package trailmap.analytics.hypotheses;

import java.util.Optional;
import trailmap.analytics.stats.Interval;
import trailmap.maps.Hypothesis;

/**
 * One claim of the map with the numbers behind its verdict.
 *
 * @param carrier the touchpoint whose pain point carries the claim
 * @param painPoint the pain point's text
 * @param touchpoint where it was measured (the claim's touchpoint, else the carrier)
 * @param to the next touchpoint for conversion, drop-off and time to next; empty means any later
 *     touchpoint of the map (and for survey metrics)
 * @param measured the value, its 95% interval and n in the metric's unit
 * @param unit e.g. {@code share}, {@code seconds}, {@code points}
 */
public record HypothesisResult(
    Hypothesis hypothesis,
    String carrier,
    String painPoint,
    String touchpoint,
    Optional<String> to,
    Interval measured,
    String unit,
    Judgement judgement) {

  public HypothesisResult {
    to = to == null ? Optional.empty() : to;
  }

  public Verdict verdict() {
    return judgement.verdict();
  }
}
