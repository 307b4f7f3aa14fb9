package trailmap.store;

/**
 * A version of a map with its document.
 *
 * @param yaml the map as the writer produced it when saved; the reader accepts it unchanged
 */
public record MapDocument(MapVersion version, String yaml) {}
