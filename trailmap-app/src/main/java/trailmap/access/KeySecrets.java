package trailmap.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Generates secrets and ids, and hashes secrets for storage. */
final class KeySecrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeySecrets() {}

  /** {@code tm_} + 32 random bytes, base64url without padding (256 bits of entropy). */
  static String newSecret() {
    return "tm_" + randomBase64(32);
  }

  /** A public key id: {@code key_} + 10 hex digits. */
  static String newKeyId() {
    byte[] bytes = new byte[5];
    RANDOM.nextBytes(bytes);
    return "key_" + HexFormat.of().formatHex(bytes);
  }

  static String randomBase64(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /**
   * SHA-256 of the secret, hex. A plain hash (no salt, no stretching) is enough because secrets are
   * 256-bit random values, not passwords: there is nothing to guess from a dictionary.
   */
  static String hash(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
