package trailmap.analytics.matching;

/**
 * One touchpoint of a loaded map, as {@link TouchpointMatching} numbers it.
 *
 * @param mapIndex the map's position in the list given to {@link TouchpointMatching#of}
 * @param stageIndex the stage's position in its map, from 0
 * @param touchpointIndex the touchpoint's position in its stage, from 0
 */
public record TouchpointRef(
    String mapId,
    int mapIndex,
    String stageId,
    int stageIndex,
    String touchpointId,
    int touchpointIndex) {

  public TouchpointRef {
    if (mapIndex < 0 || stageIndex < 0 || touchpointIndex < 0) {
      throw new IllegalArgumentException(
          "touchpoint positions start at 0, was map %d stage %d touchpoint %d"
              .formatted(mapIndex, stageIndex, touchpointIndex));
    }
  }
}
