package trailmap.maps;

import java.util.List;

/** What changed between two maps or two states of a map. STUB until the diff lands. */
public record MapDiff(List<String> changes) {
  public static MapDiff between(JourneyMap before, JourneyMap after) {
    throw new UnsupportedOperationException("MapDiff not implemented yet");
  }
}
