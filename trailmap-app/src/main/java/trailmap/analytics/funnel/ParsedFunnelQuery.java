package trailmap.analytics.funnel;

import java.util.List;
import java.util.Optional;

/**
 * What {@link FunnelQueryJson#parse} read: the query when the document is valid, else every problem
 * found.
 *
 * @param query present exactly when {@code problems} is empty
 */
public record ParsedFunnelQuery(Optional<FunnelQuery> query, List<FunnelQueryProblem> problems) {

  public ParsedFunnelQuery {
    problems = List.copyOf(problems);
    if (query.isPresent() != problems.isEmpty()) {
      throw new IllegalArgumentException("a parsed query has either a query or problems");
    }
  }

  /**
   * The query.
   *
   * @throws InvalidFunnelQueryException with the problems when the document was invalid
   */
  public FunnelQuery orThrow() {
    return query.orElseThrow(() -> new InvalidFunnelQueryException(problems));
  }
}
