package trailmap.analytics.funnel;

/**
 * One problem in a funnel query document.
 *
 * @param path where in the document, e.g. {@code $.exclusions[0].toStep}; {@code $} is the root
 * @param message what is wrong and how to fix it
 */
public record FunnelQueryProblem(String path, String message) {

  /** {@code PATH: message}. */
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
