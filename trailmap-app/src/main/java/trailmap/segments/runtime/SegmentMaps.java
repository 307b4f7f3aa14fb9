package trailmap.segments.runtime;

import java.util.Optional;
import trailmap.maps.JourneyMap;
import trailmap.server.StoredMaps;
import trailmap.store.MapStore;

/**
 * The journey maps that stage and touchpoint rules name, with a revision that changes on every save
 * or deletion of a map, so the segment processor knows when to rebuild what it derived from one.
 */
public interface SegmentMaps {
  /** The map's latest model with the revision it was read at. */
  record Revised(String revision, JourneyMap map) {}

  /** The latest revision of the map (cheap: no document is read); empty when there is none. */
  Optional<String> revision(String mapId);

  /** The map's latest version, read together with its revision; empty when there is none. */
  Optional<Revised> latest(String mapId);

  /**
   * The maps of a map store; a revision is the version number with the time it was saved, so a map
   * deleted and created again is a new revision too.
   */
  static SegmentMaps of(MapStore maps) {
    return new SegmentMaps() {
      @Override
      public Optional<String> revision(String mapId) {
        return maps.summary(mapId).map(s -> s.version() + "@" + s.updatedAt());
      }

      @Override
      public Optional<Revised> latest(String mapId) {
        return maps.latest(mapId)
            .map(
                d ->
                    new Revised(
                        d.version().number() + "@" + d.version().createdAt(), StoredMaps.model(d)));
      }
    };
  }
}
