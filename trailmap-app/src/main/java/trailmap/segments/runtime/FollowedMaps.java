package trailmap.segments.runtime;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trailmap.maps.JourneyMap;

/**
 * The models of the maps the segments' stage and touchpoint rules name, each parsed once per
 * revision rather than on every evaluation. Used by the processor's thread only.
 */
final class FollowedMaps {
  /** The revision of a map that does not exist. */
  static final String ABSENT = "";

  private final SegmentMaps source;
  private final Map<String, SegmentMaps.Revised> models = new HashMap<>();

  FollowedMaps(SegmentMaps source) {
    this.source = source;
  }

  /** The model as last refreshed; empty for a map that did not exist then. */
  Optional<JourneyMap> model(String mapId) {
    return Optional.ofNullable(models.get(mapId)).map(SegmentMaps.Revised::map);
  }

  /**
   * Reloads the maps whose revision moved and answers each map's revision now ({@link #ABSENT} for
   * none), in {@code mapIds}' order.
   */
  Map<String, String> refresh(Set<String> mapIds) {
    Map<String, String> revisions = new LinkedHashMap<>();
    for (String id : mapIds) {
      String now = source.revision(id).orElse(ABSENT);
      SegmentMaps.Revised held = models.get(id);
      if (!now.equals(held == null ? ABSENT : held.revision())) {
        Optional<SegmentMaps.Revised> latest =
            now.equals(ABSENT) ? Optional.empty() : source.latest(id);
        latest.ifPresentOrElse(m -> models.put(id, m), () -> models.remove(id));
      }
      SegmentMaps.Revised current = models.get(id);
      revisions.put(id, current == null ? ABSENT : current.revision());
    }
    return revisions;
  }
}
