package trailmap.sources;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Generates write keys and source ids, and hashes write keys for storage. */
final class WriteKeys {
  private static final SecureRandom RANDOM = new SecureRandom();

  private WriteKeys() {}

  /**
   * {@code wk_} + 32 random bytes, base64url without padding (256 bits). The prefix differs from
   * API keys ({@code tm_}) so a key pasted in the wrong place is recognisable.
   */
  static String newWriteKey() {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return "wk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** A public source id: {@code src_} + 10 hex digits. */
  static String newSourceId() {
    byte[] bytes = new byte[5];
    RANDOM.nextBytes(bytes);
    return "src_" + HexFormat.of().formatHex(bytes);
  }

  /**
   * SHA-256 of the key, hex. No salt or stretching is needed: keys are 256-bit random values, not
   * passwords, so there is no dictionary to guess from.
   */
  static String hash(String writeKey) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(writeKey.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
