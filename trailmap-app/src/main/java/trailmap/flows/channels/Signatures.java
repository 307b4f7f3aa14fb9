package trailmap.flows.channels;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of webhook requests. A request carries {@code Trailmap-Signature:
 * t=UNIX_SECONDS,v1=HEX} where {@code HEX = hex(HMAC-SHA256(secret, UNIX_SECONDS + "." + body))}: a
 * receiver recomputes it over the raw body, compares in constant time, and rejects a timestamp more
 * than a few minutes old (replays). See docs/flows-runtime.md.
 */
public final class Signatures {
  public static final String HEADER = "Trailmap-Signature";

  /**
   * Each thread's Mac, keyed with the secret it last signed with. Looking the algorithm's provider
   * up again for every signature was a tenth of rendering an email (its unsubscribe link is
   * signed); a Mac is not thread-safe, hence one per thread. {@code doFinal} resets it for the next
   * signature under the same key.
   */
  private static final ThreadLocal<KeyedMac> MACS = new ThreadLocal<>();

  private record KeyedMac(String secret, Mac mac) {}

  private Signatures() {}

  /** The hex HMAC-SHA256 of {@code data} under {@code secret}. */
  public static String hmac(String secret, String data) {
    try {
      KeyedMac keyed = MACS.get();
      if (keyed == null || !keyed.secret().equals(secret)) {
        MACS.remove(); // a failed init must not leave a Mac behind under the old secret
        Mac mac = keyed == null ? Mac.getInstance("HmacSHA256") : keyed.mac();
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        keyed = new KeyedMac(secret, mac);
        MACS.set(keyed);
      }
      return HexFormat.of().formatHex(keyed.mac().doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** The value of the {@value #HEADER} header for a body sent at {@code unixSeconds}. */
  public static String header(String secret, long unixSeconds, String body) {
    return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
  }

  /**
   * Whether {@code header} signs {@code body} under {@code secret} (ignores the timestamp's age).
   */
  public static boolean verify(String secret, String header, String body) {
    String t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length == 2 && kv[0].equals("t")) {
        t = kv[1];
      } else if (kv.length == 2 && kv[0].equals("v1")) {
        v1 = kv[1];
      }
    }
    if (t == null || v1 == null) {
      return false;
    }
    return MessageDigest.isEqual(
        hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII),
        v1.getBytes(StandardCharsets.US_ASCII));
  }
}
