package trailmap.store;

import java.time.Instant;

/**
 * One saved version of a map.
 *
 * @param number 1 for the first save, then one more per save
 * @param keyId the id of the API key (never the key) that saved it
 */
public record MapVersion(String mapId, int number, Instant createdAt, String keyId) {}
