package trailmap.maps.render;

import trailmap.maps.JourneyMap;

/** Renders a map to any {@link RenderFormat}. STUB until the renderer lands. */
public final class MapRenderer {
  private MapRenderer() {}

  /** The rendered bytes (UTF-8 for the text formats). */
  public static byte[] render(JourneyMap map, RenderFormat format) {
    throw new UnsupportedOperationException("MapRenderer not implemented yet");
  }
}
