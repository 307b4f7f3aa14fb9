package trailmap.ingest;

import java.util.List;

/**
 * Ends a {@code /v1} request whose calls are wrong, listing every wrong field of every call.
 * Nothing of the request is stored.
 */
final class InvalidCalls extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient List<FieldError> errors;

  /**
   * @param status 400 for invalid fields, 413 for events over the size limit
   * @param errors at least one
   */
  InvalidCalls(int status, List<FieldError> errors) {
    super(errors.getFirst().message(), null, false, false);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  int status() {
    return status;
  }

  List<FieldError> errors() {
    return errors;
  }
}
