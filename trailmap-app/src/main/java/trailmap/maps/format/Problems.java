package trailmap.maps.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem of one file (a map, a flow) so a user sees them all in one run. Not
 * thread-safe: one per file read.
 */
public final class Problems {
  private final String source;
  private final List<MapProblem> found = new ArrayList<>();

  public Problems(String source) {
    this.source = source;
  }

  public void add(int line, int column, String message) {
    found.add(new MapProblem(source, line, column, message));
  }

  public void add(Node at, String message) {
    add(at.line(), at.column(), message);
  }

  public void add(Node.Field at, String message) {
    add(at.line(), at.column(), message);
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** In file order; problems at the same place keep the order they were found in. */
  public List<MapProblem> sorted() {
    List<MapProblem> copy = new ArrayList<>(found);
    copy.sort(Comparator.comparingInt(MapProblem::line).thenComparingInt(MapProblem::column));
    return List.copyOf(copy);
  }
}
