package trailmap.sources;

/**
 * A source as it is created: the only moment its write key exists outside the holder's hands.
 *
 * @param writeKey {@code wk_} followed by 32 random bytes in base64url; never log it
 */
public record IssuedSource(Source source, String writeKey) {
  @Override
  public String toString() {
    // Keeps the write key out of logs and exception messages that print the record.
    return "IssuedSource[source=" + source + ", writeKey=(hidden)]";
  }
}
