package trailmap.maps.format;

import java.util.Optional;
import trailmap.maps.JourneyMap;

/**
 * Reads a journey map from YAML or JSON text and validates it completely: syntax, unknown fields
 * (with a did-you-mean), required fields, types, id form, duplicate ids, references to personas and
 * touchpoints, emotion range, matchers, and state rules. Every problem is reported with its line
 * and column, in file order; the map is returned only when there is none.
 *
 * <p>Thread-safe: it keeps no state between calls.
 */
public final class MapReader {
  /** Larger than any hand-written map; bounds memory on hostile input (ingest-style limit). */
  public static final int MAX_CHARS = 4 * 1024 * 1024;

  private MapReader() {}

  /**
   * Reads and validates a map. JSON and YAML are both accepted.
   *
   * @param source the name used in problem locations, e.g. the file name
   */
  public static MapReadResult read(String source, String text) {
    Problems problems = new Problems(source);
    if (text.length() > MAX_CHARS) {
      problems.add(
          1,
          1,
          "the map is %,d characters, over the %,d limit; split it into several maps"
              .formatted(text.length(), MAX_CHARS));
      return new MapReadResult(Optional.empty(), problems.sorted());
    }
    Optional<JourneyMap> map =
        new NodeParser(problems).parse(text).flatMap(root -> new MapBinder(problems).bind(root));
    if (map.isEmpty() && problems.isEmpty()) {
      // Binding only gives up after reporting why; this guards the invariant of MapReadResult.
      problems.add(1, 1, "the map could not be read");
    }
    if (!problems.isEmpty()) {
      return new MapReadResult(Optional.empty(), problems.sorted());
    }
    return new MapReadResult(map, problems.sorted());
  }
}
