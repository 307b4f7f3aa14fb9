package trailmap.analytics.funnel;

import java.util.List;

/**
 * A funnel query document that cannot be answered. Retrying the same document cannot help: show the
 * {@link #problems()} to the user (HTTP 400 as problem+json, CLI exit code for a user error).
 */
public final class InvalidFunnelQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<FunnelQueryProblem> problems;

  public InvalidFunnelQueryException(List<FunnelQueryProblem> problems) {
    super(
        "invalid funnel query: "
            + String.join("; ", problems.stream().map(FunnelQueryProblem::toString).toList()));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in document order; never empty. */
  public List<FunnelQueryProblem> problems() {
    return problems;
  }
}
