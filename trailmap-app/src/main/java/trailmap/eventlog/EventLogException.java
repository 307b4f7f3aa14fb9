package trailmap.eventlog;

/**
 * The event log could not store or read events because of its files: a disk error, a full disk, a
 * corrupt segment, or a log already open in another process. Retrying on the same instance does not
 * help: after a failed write the log refuses every further append until it is reopened (which
 * recovers the files). The message names the directory or file.
 */
public final class EventLogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EventLogException(String message) {
    super(message);
  }

  public EventLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
