package trailmap.segments.format;

import java.util.List;
import java.util.Optional;
import trailmap.maps.format.MapProblem;
import trailmap.segments.Segment;

/**
 * What reading a segment document produced.
 *
 * @param segment present exactly when {@code problems} is empty
 * @param problems in file order
 */
public record SegmentReadResult(Optional<Segment> segment, List<MapProblem> problems) {
  public SegmentReadResult {
    problems = List.copyOf(problems);
    if (segment.isPresent() != problems.isEmpty()) {
      throw new IllegalArgumentException("a result has a segment or problems, never both");
    }
  }

  public boolean isValid() {
    return problems.isEmpty();
  }
}
