package trailmap.flows.channels;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed one-click unsubscribe tokens: {@code BASE64URL(profile "\n" scope "\n" value) "."
 * HMAC-SHA256 hex}. The token alone authorises the unsubscribe it names and nothing else; it does
 * not expire (an old email's link must keep working). Thread-safe.
 */
public final class UnsubscribeTokens {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private final String secret;

  /** What a token unsubscribes: a profile from a {@code topic} or a {@code channel}. */
  public record Unsubscribe(String profileId, String scope, String value) {}

  public UnsubscribeTokens(String secret) {
    this.secret = secret;
  }

  public String token(String profileId, String scope, String value) {
    String payload =
        ENCODER.encodeToString(
            (profileId + "\n" + scope + "\n" + value).getBytes(StandardCharsets.UTF_8));
    return payload + "." + Signatures.hmac(secret, "unsubscribe:" + payload);
  }

  /** The unsubscribe a token names; empty when it is malformed or its signature is wrong. */
  public Optional<Unsubscribe> verify(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String payload = token.substring(0, dot);
    byte[] expected =
        Signatures.hmac(secret, "unsubscribe:" + payload).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(
        expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    String[] parts;
    try {
      parts =
          new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\n");
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return parts.length == 3
        ? Optional.of(new Unsubscribe(parts[0], parts[1], parts[2]))
        : Optional.empty();
  }
}
