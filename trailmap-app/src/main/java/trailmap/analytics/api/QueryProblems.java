package trailmap.analytics.api;

import java.util.List;
import trailmap.server.Problem;
import trailmap.server.ProblemException;

/** Every problem of a query document, as one 400 answer that lists each with its JSON path. */
final class QueryProblems {
  static final String SLUG = "invalid-query";
  static final String TITLE = "Invalid analytics query";

  private QueryProblems() {}

  /** The 400 answer: {@code "$.where.channel: must be …; $.steps[1]: …"}. */
  static ProblemException of(List<String> problems) {
    return new ProblemException(Problem.of(400, SLUG, TITLE, String.join("; ", problems)));
  }
}
