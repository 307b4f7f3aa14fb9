package trailmap.maps.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one file so a user sees them all in one run. */
final class Problems {
  private final String source;
  private final List<MapProblem> found = new ArrayList<>();

  Problems(String source) {
    this.source = source;
  }

  void add(int line, int column, String message) {
    found.add(new MapProblem(source, line, column, message));
  }

  void add(Node at, String message) {
    add(at.line(), at.column(), message);
  }

  void add(Node.Field at, String message) {
    add(at.line(), at.column(), message);
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** In file order; problems at the same place keep the order they were found in. */
  List<MapProblem> sorted() {
    List<MapProblem> copy = new ArrayList<>(found);
    copy.sort(Comparator.comparingInt(MapProblem::line).thenComparingInt(MapProblem::column));
    return List.copyOf(copy);
  }
}
