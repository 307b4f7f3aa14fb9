package trailmap.segments.store;

import java.util.List;
import trailmap.segments.Segment;

/**
 * Every stored segment, parsed, with the store's revision they were read at ({@link
 * SegmentStore#revision}).
 */
public record Definitions(long revision, List<Segment> segments) {
  public Definitions {
    segments = List.copyOf(segments);
  }
}
