package trailmap.cli;

/** The exit codes every command uses. */
final class ExitCodes {
  /** Success. */
  static final int OK = 0;

  /** The input was read and found wrong (an invalid map). */
  static final int INVALID = 1;

  /** A usage error, or input that could not be read at all. */
  static final int UNUSABLE = 2;

  /** {@code map diff --exit-code}: the maps differ (kept apart from 1, "a map is invalid"). */
  static final int DIFFERENT = 3;

  private ExitCodes() {}
}
