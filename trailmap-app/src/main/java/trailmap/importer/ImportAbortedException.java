package trailmap.importer;

/**
 * The import cannot go on: the server refused the write key, or kept failing after every retry.
 * Events sent before it are stored; importing the same files again is safe (messageIds dedupe).
 */
final class ImportAbortedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ImportAbortedException(String message) {
    super(message);
  }
}
