package trailmap.maps;

import java.util.Optional;

/**
 * A testable claim on the map, e.g. "at least 30% drop after the pricing page" or "CES at billing
 * support is at most 3". The analytics mark it supported, refuted or not enough data.
 *
 * @param claim the claim in words, as the team wrote it
 * @param metric what is measured
 * @param touchpoint where it is measured; empty means the touchpoint that carries the claim
 * @param to the next touchpoint for {@code conversion}, {@code drop-off} and {@code time-to-next};
 *     empty means "any later touchpoint of the map"
 * @param atLeast the claim holds when the measured value is at least this (inclusive)
 * @param atMost the claim holds when the measured value is at most this (inclusive)
 */
public record Hypothesis(
    String claim,
    HypothesisMetric metric,
    Optional<String> touchpoint,
    Optional<String> to,
    Optional<Double> atLeast,
    Optional<Double> atMost) {

  public Hypothesis {
    Ids.requireText(claim, "hypothesis claim");
    if (metric == null) {
      throw new IllegalArgumentException("hypothesis metric must be set");
    }
    touchpoint = touchpoint == null ? Optional.empty() : touchpoint;
    to = to == null ? Optional.empty() : to;
    atLeast = atLeast == null ? Optional.empty() : atLeast;
    atMost = atMost == null ? Optional.empty() : atMost;
    if (atLeast.isEmpty() && atMost.isEmpty()) {
      throw new IllegalArgumentException(
          "hypothesis '" + claim + "' needs a threshold: atLeast, atMost or both");
    }
  }
}
