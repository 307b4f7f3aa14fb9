package trailmap.importer;

import java.util.List;
import java.util.Optional;

/**
 * What an import did. Only the first {@value #KEPT_REJECTIONS} rejections are held here, so a file
 * of millions of bad lines cannot exhaust memory; every rejection goes to the run's rejection
 * consumer as it happens.
 *
 * @param accepted events stored for the first time (over HTTP: events the server acknowledged)
 * @param duplicates events whose messageId was already stored (offline only; the HTTP API does not
 *     say, so over HTTP re-sent events count as accepted and are still stored once)
 * @param rejected how many records were not imported
 * @param firstRejections the first of them, in file order
 * @param aborted why the import stopped early (the server kept failing, refused the key), if it did
 */
public record ImportSummary(
    long accepted,
    long duplicates,
    long rejected,
    List<Rejection> firstRejections,
    Optional<String> aborted) {

  /** How many rejections a summary holds. */
  public static final int KEPT_REJECTIONS = 20;

  public ImportSummary {
    firstRejections = List.copyOf(firstRejections);
  }

  /** Whether every record was imported (duplicates included) and the import ran to its end. */
  public boolean complete() {
    return rejected == 0 && aborted.isEmpty();
  }
}
