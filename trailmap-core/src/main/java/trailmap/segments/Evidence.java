package trailmap.segments;

import java.time.Instant;

/**
 * One event as one event-reading rule of a segment saw it: the event matched a {@code did} rule's
 * event, a touchpoint rule's matcher, or placed the profile in a stage of a stage rule's map.
 *
 * @param reader the index of the rule in {@link SegmentEvidence#readers}, 0 or more
 * @param at the event's timestamp
 * @param position the event's log position: it identifies the event, so the same event seen twice
 *     counts once, and orders events of equal time
 * @param stage for a stage rule, the id of the stage the event placed the profile in; else empty
 */
public record Evidence(int reader, Instant at, long position, String stage) {
  public Evidence {
    if (reader < 0) {
      throw new IllegalArgumentException("evidence reader must be 0 or more, was " + reader);
    }
    if (at == null || stage == null) {
      throw new IllegalArgumentException("evidence needs a time and a stage (empty for none)");
    }
  }
}
