package trailmap.server;

/**
 * One located problem in a request body, e.g. a map validation problem.
 *
 * @param line 1-based
 * @param column 1-based
 * @param message says what is wrong, naming the field
 */
public record ProblemError(int line, int column, String message) {}
