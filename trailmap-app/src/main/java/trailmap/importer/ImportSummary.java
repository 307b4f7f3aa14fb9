package trailmap.importer;

import java.util.List;
import java.util.Optional;

/**
 * What an import did.
 *
 * @param accepted events stored for the first time (over HTTP: events the server acknowledged)
 * @param duplicates events whose messageId was already stored (offline only; the HTTP API does not
 *     say, so over HTTP re-sent events count as accepted and are still stored once)
 * @param rejected every record that was not imported, in file order
 * @param aborted why the import stopped early (the server kept failing, refused the key), if it did
 */
public record ImportSummary(
    long accepted, long duplicates, List<Rejection> rejected, Optional<String> aborted) {
  public ImportSummary {
    rejected = List.copyOf(rejected);
  }
}
