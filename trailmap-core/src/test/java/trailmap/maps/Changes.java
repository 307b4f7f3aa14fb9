package trailmap.maps;

import java.util.Optional;
import trailmap.maps.MapChange.Element;
import trailmap.maps.MapChange.Kind;

/** Short ways to write the expected changes of a diff test; {@code null} means "empty". */
final class Changes {
  private Changes() {}

  /** A change of a map or persona field. */
  static MapChange changed(
      Element element, String item, String field, String before, String after) {
    return change(Kind.CHANGED, element, null, null, item, field, before, after);
  }

  static MapChange change(
      Kind kind,
      Element element,
      String stage,
      String touchpoint,
      String item,
      String field,
      String before,
      String after) {
    return new MapChange(
        kind,
        element,
        Optional.ofNullable(stage),
        Optional.ofNullable(touchpoint),
        item,
        Optional.ofNullable(field),
        Optional.ofNullable(before),
        Optional.ofNullable(after));
  }
}
