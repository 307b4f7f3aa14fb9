package trailmap.maps.format;

import java.util.List;
import java.util.Optional;
import trailmap.maps.JourneyMap;

/**
 * What reading a map file produced: the map when the file is valid, and every problem otherwise.
 *
 * @param map present exactly when {@code problems} is empty
 * @param problems in file order
 */
public record MapReadResult(Optional<JourneyMap> map, List<MapProblem> problems) {
  public MapReadResult {
    problems = List.copyOf(problems);
    if (map.isPresent() != problems.isEmpty()) {
      throw new IllegalArgumentException("a result has a map or problems, never both or neither");
    }
  }

  public boolean isValid() {
    return problems.isEmpty();
  }
}
