package trailmap.cli;

/** The exit codes every command uses. */
final class ExitCodes {
  /** Success. */
  static final int OK = 0;

  /** The input was read and found wrong (an invalid map, differences when asked to fail). */
  static final int INVALID = 1;

  /** A usage error, or input that could not be read at all. */
  static final int UNUSABLE = 2;

  private ExitCodes() {}
}
