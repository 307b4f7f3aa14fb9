package trailmap.maps.format;

/** Reads a map from YAML or JSON text. STUB until the reader lands. */
public final class MapReader {
  private MapReader() {}

  /**
   * Reads and validates a map. JSON and YAML are both accepted (JSON is valid YAML).
   *
   * @param source the name used in problem locations, e.g. the file name
   */
  public static MapReadResult read(String source, String text) {
    throw new UnsupportedOperationException("MapReader not implemented yet");
  }
}
