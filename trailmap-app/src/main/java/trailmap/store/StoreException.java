package trailmap.store;

/**
 * The store could not do what was asked because of the database itself (disk full, file locked,
 * corrupt file). Retrying rarely helps; the message names the database file.
 */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
