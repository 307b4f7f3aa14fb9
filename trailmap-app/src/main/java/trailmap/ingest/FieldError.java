package trailmap.ingest;

import java.util.Optional;

/**
 * What is wrong with one field of one call in a request.
 *
 * @param event the index of the call in {@code batch}; empty for a single call
 * @param field the path of the field, e.g. {@code batch[17].event} or {@code userId}
 * @param message says what is wrong and names the field, e.g. {@code batch[17].event is required
 *     for a track call}
 */
record FieldError(Optional<Integer> event, String field, String message) {}
