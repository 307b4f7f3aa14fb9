package trailmap.access;

/**
 * A key as it is handed out: the only moment its secret exists outside the holder's hands.
 *
 * @param secret {@code tm_} followed by 32 random bytes in base64url; never log it
 */
public record IssuedKey(ApiKey key, String secret) {
  @Override
  public String toString() {
    // Keeps the secret out of logs and exception messages that print the record.
    return "IssuedKey[key=" + key + ", secret=(hidden)]";
  }
}
