package trailmap.flows.runtime;

import java.util.List;
import trailmap.profiles.ProfileId;

/**
 * What the flow runtime needs of segments: the profiles that entered one (to start {@code segment}
 * triggered flows), and a way to carry out {@code addToSegment} / {@code removeFromSegment}.
 */
public interface SegmentLink {

  /** A profile entered a segment; {@code seq} orders entries and only grows. */
  record Entered(long seq, String segmentId, ProfileId profile) {}

  /** Entries after {@code seq}, oldest first, at most {@code limit}; also their last seq seen. */
  Page enteredAfter(long seq, int limit);

  /**
   * Holds the profile in (or out of) the segment by hand; idempotent.
   *
   * @return false for an unknown segment
   */
  boolean change(String segmentId, ProfileId profile, boolean add, String cause);

  /**
   * @param next the seq to read after next time (beyond entries that were leaves)
   */
  record Page(List<Entered> entered, long next) {}

  /** No segments: nothing enters, actions are refused. */
  SegmentLink NONE =
      new SegmentLink() {
        @Override
        public Page enteredAfter(long seq, int limit) {
          return new Page(List.of(), seq);
        }

        @Override
        public boolean change(String segmentId, ProfileId profile, boolean add, String cause) {
          return false;
        }
      };
}
