package trailmap.server;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import trailmap.flows.dryrun.TriggerHistories;
import trailmap.flows.dryrun.TriggerHistory;
import trailmap.flows.runtime.FlowStore;
import trailmap.segments.store.SegmentStore;

/**
 * A dry run's trigger histories from segments.db's recorded changes and flows.db's API call log. A
 * store that is absent (a data directory the server never made it in) holds nothing: no segments,
 * no calls.
 */
public record StoredTriggerHistories(Optional<SegmentStore> segments, Optional<FlowStore> flows)
    implements TriggerHistories {
  /** Both stores, as a running server has them. */
  public StoredTriggerHistories(SegmentStore segments, FlowStore flows) {
    this(Optional.of(segments), Optional.of(flows));
  }

  @Override
  public Set<String> segmentIds() {
    return segments.stream().flatMap(store -> store.ids().stream()).collect(Collectors.toSet());
  }

  @Override
  public List<TriggerHistory.Firing> segmentEntries(
      String segmentId, Optional<Instant> from, Optional<Instant> to) {
    return segments.stream()
        .flatMap(store -> store.entries(segmentId, from, to).stream())
        .map(change -> new TriggerHistory.Firing(change.profile().value(), change.at()))
        .toList();
  }

  @Override
  public List<TriggerHistory.Firing> apiCalls(
      String flowId, Optional<Instant> from, Optional<Instant> to) {
    return flows.map(store -> store.apiCallLog(flowId, from, to)).orElse(List.of());
  }
}
