package trailmap.server;

/**
 * Ends a request with a problem answer. Handlers throw it for expected failures (bad input, unknown
 * id, missing key); it is not logged as an error.
 */
public final class ProblemException extends RuntimeException {
  private final Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException badRequest(String slug, String title, String detail) {
    return new ProblemException(Problem.of(400, slug, title, detail));
  }

  public static ProblemException notFound(String what, String id) {
    return new ProblemException(
        Problem.of(
            404,
            "not-found",
            what + " not found",
            "there is no " + what + " with id '" + id + "'; list them with GET " + listPath(what)));
  }

  private static String listPath(String what) {
    return switch (what) {
      case "key" -> "/api/keys";
      default -> "/api/maps";
    };
  }
}
