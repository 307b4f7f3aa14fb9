package trailmap.flows.dryrun;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The recorded firings a dry run replays a {@code segment} or {@code api} trigger from, which the
 * event table does not hold: for a segment trigger the segment's recorded entries, for an api
 * trigger the flow's logged calls, each for a profile at the time it was recorded.
 *
 * <pre>{@code
 * TriggerHistory entries = TriggerHistory.of(Set.of("vip", "churn-risk"),
 *     List.of(new TriggerHistory.Firing("p-1", Instant.parse("2026-03-02T10:00:00Z"))));
 * }</pre>
 *
 * @param segmentIds the segments that exist, so that a segment trigger naming another is refused
 *     with their names; may be empty for other triggers
 * @param firings by profile id, each profile's times in ascending order (sorted on construction);
 *     ignored for triggers other than segment and api
 */
public record TriggerHistory(Set<String> segmentIds, Map<String, List<Instant>> firings) {
  /** No segments and no firings: for event, touchpoint, stage and schedule triggers. */
  public static final TriggerHistory NONE = new TriggerHistory(Set.of(), Map.of());

  /** One recorded firing: a segment entry or an API call for {@code profileId} at {@code at}. */
  public record Firing(String profileId, Instant at) {
    public Firing {
      if (profileId == null || profileId.isBlank() || at == null) {
        throw new IllegalArgumentException(
            "a recorded trigger firing needs a profile id and a time");
      }
    }
  }

  public TriggerHistory {
    segmentIds = Set.copyOf(segmentIds);
    Map<String, List<Instant>> sorted = new HashMap<>();
    firings.forEach((profile, times) -> sorted.put(profile, times.stream().sorted().toList()));
    firings = Map.copyOf(sorted);
  }

  /** The firings grouped by profile, in any order. */
  public static TriggerHistory of(Collection<String> segmentIds, List<Firing> firings) {
    Map<String, List<Instant>> byProfile = new HashMap<>();
    for (Firing firing : firings) {
      byProfile.computeIfAbsent(firing.profileId(), p -> new ArrayList<>()).add(firing.at());
    }
    return new TriggerHistory(Set.copyOf(segmentIds), byProfile);
  }

  /** The profile's firing times, ascending; empty when it has none. */
  public List<Instant> of(String profileId) {
    return firings.getOrDefault(profileId, List.of());
  }

  /** The segment ids in alphabetical order, for messages. */
  List<String> sortedSegmentIds() {
    return List.copyOf(new TreeSet<>(segmentIds));
  }
}
