package trailmap.maps.format;

/**
 * One problem found in a map file, at a 1-based line and column.
 *
 * @param source the file name (or "request body") the problem is in
 */
public record MapProblem(String source, int line, int column, String message) {

  /** {@code FILE:LINE:COL: message}, the form editors and CI logs link to. */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + message;
  }
}
