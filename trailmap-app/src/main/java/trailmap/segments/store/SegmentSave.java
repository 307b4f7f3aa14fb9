package trailmap.segments.store;

import java.util.List;
import java.util.Optional;
import trailmap.maps.format.MapProblem;
import trailmap.segments.Segment;

/**
 * What saving a segment document did.
 *
 * @param segment present when it was saved
 * @param created whether the id was new
 * @param problems why it was not saved; empty when it was
 */
public record SegmentSave(Optional<Segment> segment, boolean created, List<MapProblem> problems) {
  public SegmentSave {
    problems = List.copyOf(problems);
  }
}
