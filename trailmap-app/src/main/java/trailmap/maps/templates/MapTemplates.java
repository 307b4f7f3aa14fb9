package trailmap.maps.templates;

import java.util.List;
import trailmap.maps.MapState;

/** The shipped map templates. STUB until the templates land. */
public final class MapTemplates {
  private MapTemplates() {}

  /** Template names, e.g. {@code saas}, {@code retail}, {@code bank}. */
  public static List<String> names() {
    return List.of("saas", "retail", "bank");
  }

  /**
   * The template's YAML text.
   *
   * @throws IllegalArgumentException for an unknown template name, listing the known ones
   */
  public static String yaml(String name, MapState state) {
    throw new UnsupportedOperationException("MapTemplates not implemented yet");
  }
}
