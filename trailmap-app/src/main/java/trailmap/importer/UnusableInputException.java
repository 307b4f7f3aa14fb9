package trailmap.importer;

/**
 * The input cannot be imported at all: a missing file, an unknown format, a bad {@code --map}, a
 * CSV header without a mapped column. The message says what is wrong and how to fix it; {@code
 * trailmap import} prints it and exits with 2.
 */
public final class UnusableInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnusableInputException(String message) {
    super(message);
  }
}
