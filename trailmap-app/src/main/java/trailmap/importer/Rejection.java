package trailmap.importer;

/** A record that was not imported: where it is and why. Printed as {@code FILE:LINE: reason}. */
public record Rejection(String file, long line, String reason) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + reason;
  }
}
