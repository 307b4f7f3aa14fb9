package trailmap.maps.format;

import trailmap.maps.JourneyMap;

/** Writes a map as YAML or JSON in the documented format. STUB until the writer lands. */
public final class MapWriter {
  private MapWriter() {}

  public static String toYaml(JourneyMap map) {
    throw new UnsupportedOperationException("MapWriter not implemented yet");
  }

  public static String toJson(JourneyMap map) {
    throw new UnsupportedOperationException("MapWriter not implemented yet");
  }
}
