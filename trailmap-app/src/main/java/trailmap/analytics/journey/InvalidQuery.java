package trailmap.analytics.journey;

import trailmap.server.Problem;
import trailmap.server.ProblemException;

/** The problems a journey query can have, as 400 answers that name the field first. */
final class InvalidQuery {
  static final String SLUG = "invalid-query";
  static final String TITLE = "Invalid analytics query";

  private InvalidQuery() {}

  /**
   * A 400 problem whose detail is {@code "FIELD: DETAIL"}, e.g. {@code steps: must be between 1 and
   * 20, was 30}.
   */
  static ProblemException at(String field, String detail) {
    return new ProblemException(Problem.of(400, SLUG, TITLE, field + ": " + detail));
  }
}
