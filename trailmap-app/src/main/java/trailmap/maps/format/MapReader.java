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
    return read(source, text, false);
  }

  /**
   * Reads a map document the map store kept, which {@link #read} accepted when it was saved. It is
   * {@link #read} but for the rules added since, which such a document may break and is read as
   * before: today two, an empty or blank {@code event} in a touchpoint's {@code match}, kept as the
   * empty name (analytics then counts events without a name as the touchpoint; flows and segments
   * match nothing), and an empty or blank {@code channel} there, kept as written (it matches only
   * events sent with that channel). Saving the map again applies every rule, so the save is refused
   * until the matcher is fixed. Without this a stored map would fail to read on every GET, render
   * and trigger lookup.
   *
   * @param source the name used in problem locations, e.g. {@code "shop version 3"}
   */
  public static MapReadResult readStored(String source, String text) {
    return read(source, text, true);
  }

  private static MapReadResult read(String source, String text, boolean stored) {
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
        new NodeParser(problems)
            .parse(text)
            .flatMap(root -> new MapBinder(problems, stored).bind(root));
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
