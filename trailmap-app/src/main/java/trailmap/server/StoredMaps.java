package trailmap.server;

import java.util.stream.Collectors;
import trailmap.maps.JourneyMap;
import trailmap.maps.format.MapReadResult;
import trailmap.maps.format.MapReader;
import trailmap.store.MapDocument;
import trailmap.store.MapStore;

/** Loads stored maps back into the model, answering 404 problems for what is not there. */
public final class StoredMaps {
  private final MapStore store;

  StoredMaps(MapStore store) {
    this.store = store;
  }

  MapStore store() {
    return store;
  }

  MapDocument latest(String id) {
    return store.latest(id).orElseThrow(() -> ProblemException.notFound("map", id));
  }

  MapDocument version(String id, int number) {
    return store
        .version(id, number)
        .orElseThrow(
            () -> {
              int latest = latest(id).version().number();
              return new ProblemException(
                  Problem.of(
                      404,
                      "not-found",
                      "version not found",
                      "map '"
                          + id
                          + "' has no version "
                          + number
                          + "; it has versions 1 to "
                          + latest));
            });
  }

  /**
   * The model of a stored document, read with {@link MapReader#readStored} so rules added since it
   * was saved do not make it unreadable. Stored documents were valid when saved, so a failure here
   * is a bug (or a stricter rule readStored does not yet tolerate): it is raised as an exception,
   * logged as a 500.
   */
  public static JourneyMap model(MapDocument document) {
    String source = document.version().mapId() + " version " + document.version().number();
    MapReadResult result = MapReader.readStored(source, document.yaml());
    return result
        .map()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "stored "
                        + source
                        + " no longer reads: "
                        + result.problems().stream()
                            .map(Object::toString)
                            .collect(Collectors.joining("; "))));
  }
}
