package trailmap.server;

import java.util.List;
import trailmap.flows.runtime.SegmentLink;
import trailmap.profiles.ProfileId;
import trailmap.segments.runtime.SegmentProcessor;
import trailmap.segments.store.MembershipChange;
import trailmap.segments.store.SegmentStore;

/** Hands the flow runtime the segment store's entries and carries out flows' segment actions. */
record SegmentFeed(SegmentStore segments, SegmentProcessor processor) implements SegmentLink {
  @Override
  public Page enteredAfter(long seq, int limit) {
    List<MembershipChange> changes = segments.changesAfter(seq, limit);
    long next = changes.isEmpty() ? seq : changes.get(changes.size() - 1).seq();
    return new Page(
        changes.stream()
            .filter(MembershipChange::entered)
            .map(c -> new Entered(c.seq(), c.segmentId(), c.profile()))
            .toList(),
        next);
  }

  @Override
  public boolean change(String segmentId, ProfileId profile, boolean add, String cause) {
    return segments.setManual(segmentId, profile, add, cause);
  }
}
