package trailmap.analytics.funnel;

import java.util.List;

/**
 * The answer to a {@link FunnelQuery}.
 *
 * @param steps one per query step, in query order
 * @param series one per breakdown value, by entry count (step 1's count) descending then value;
 *     empty without a breakdown
 * @param warnings problems with the query that the numbers alone would hide (e.g. a step that
 *     matched no event), each one sentence
 * @param profiles profiles scanned (after the profile filter)
 * @param attempts attempts started: first-step events in the time range
 */
public record FunnelResult(
    List<StepResult> steps,
    List<Series> series,
    List<String> warnings,
    long profiles,
    long attempts) {
  public FunnelResult {
    steps = List.copyOf(steps);
    series = List.copyOf(series);
    warnings = List.copyOf(warnings);
  }
}
