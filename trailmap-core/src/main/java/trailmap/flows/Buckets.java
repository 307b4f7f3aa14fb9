package trailmap.flows;

import java.util.HexFormat;

/**
 * Stable hashing for assignments that must agree across replays, dry-runs, restarts and machines:
 * split variants, holdouts and outbox ids. Based on 64-bit FNV-1a over the parts' characters
 * (separated so {@code ("ab","c")} and {@code ("a","bc")} differ), finished with the SplitMix64
 * mixer. Not cryptographic: a customer cannot pick their bucket anyway.
 */
public final class Buckets {
  private static final HexFormat HEX = HexFormat.of();

  private Buckets() {}

  /** A hash of the parts under a seed. */
  public static long hash(long seed, String... parts) {
    long h = 0xcbf29ce484222325L ^ mix(seed);
    for (String part : parts) {
      for (int i = 0; i < part.length(); i++) {
        h ^= part.charAt(i);
        h *= 0x100000001b3L;
      }
      h ^= 0x1f;
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** A number in [0, 1), uniform over profiles, fixed for these parts and seed. */
  public static double unit(long seed, String... parts) {
    return (hash(seed, parts) >>> 11) * 0x1.0p-53;
  }

  /** A 32-hex-digit id, fixed for these parts: an outbox id or a provider's idempotency key. */
  public static String id(String... parts) {
    // Not "%016x%016x".formatted(...): parsing the format for every id was a fifth of the engine's
    // time for a timer. The same 32 lowercase digits.
    return HEX.toHexDigits(hash(0x5eed_0001L, parts)) + HEX.toHexDigits(hash(0x5eed_0002L, parts));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
