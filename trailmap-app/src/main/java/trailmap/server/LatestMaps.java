package trailmap.server;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import trailmap.maps.JourneyMap;
import trailmap.store.MapStore;
import trailmap.store.MapSummary;

/**
 * The latest stored version of a map as a model, parsed once per version. The flow runtime and the
 * segment processor ask for their trigger maps on every page of events; reading the version number
 * is one small row, parsing the document each time was most of the page's cost.
 */
public final class LatestMaps implements Function<String, Optional<JourneyMap>> {
  private record Parsed(int version, JourneyMap map) {}

  private final MapStore maps;
  private final ConcurrentHashMap<String, Parsed> parsed = new ConcurrentHashMap<>();

  public LatestMaps(MapStore maps) {
    this.maps = maps;
  }

  @Override
  public Optional<JourneyMap> apply(String id) {
    Optional<MapSummary> summary = maps.summary(id);
    if (summary.isEmpty()) {
      parsed.remove(id);
      return Optional.empty();
    }
    Parsed known = parsed.get(id);
    if (known != null && known.version() == summary.get().version()) {
      return Optional.of(known.map());
    }
    // The version read with the document, not the summary's: a save in between is parsed next time.
    return maps.latest(id)
        .map(
            document -> {
              Parsed fresh = new Parsed(document.version().number(), StoredMaps.model(document));
              parsed.put(id, fresh);
              return fresh.map();
            });
  }
}
