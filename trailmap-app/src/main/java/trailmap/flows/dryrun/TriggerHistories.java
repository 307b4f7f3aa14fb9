package trailmap.flows.dryrun;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a dry run reads the recorded firings of segment and api triggers: the segments' entries
 * (segments.db) and the flows' logged API calls (flows.db). Each bound is optional: an absent one
 * does not limit.
 */
public interface TriggerHistories {
  /** No segments and no calls: a segment flow is refused, an api flow enters nobody. */
  TriggerHistories NONE =
      new TriggerHistories() {
        @Override
        public Set<String> segmentIds() {
          return Set.of();
        }

        @Override
        public List<TriggerHistory.Firing> segmentEntries(
            String segmentId, Optional<Instant> from, Optional<Instant> to) {
          return List.of();
        }

        @Override
        public List<TriggerHistory.Firing> apiCalls(
            String flowId, Optional<Instant> from, Optional<Instant> to) {
          return List.of();
        }
      };

  /** The ids of the segments that exist now. */
  Set<String> segmentIds();

  /** The recorded entries into the segment in {@code [from, to)}, oldest first. */
  List<TriggerHistory.Firing> segmentEntries(
      String segmentId, Optional<Instant> from, Optional<Instant> to);

  /** The logged API calls of the flow in {@code [from, to)}, oldest first. */
  List<TriggerHistory.Firing> apiCalls(String flowId, Optional<Instant> from, Optional<Instant> to);
}
