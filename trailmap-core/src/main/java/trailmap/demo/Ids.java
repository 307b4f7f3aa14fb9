package trailmap.demo;

import java.util.UUID;

/** Deterministic ids from numbers: a 64-bit mixer (a bijection) and its hex and UUID forms. */
final class Ids {
  private Ids() {}

  /** David Stafford's Mix13 finalizer (as in SplittableRandom): a bijection on 64-bit values. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Exactly 16 lower-case hex digits. */
  static String hex16(long value) {
    String hex = Long.toHexString(value);
    return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
  }

  /** A version-4-shaped UUID text whose bits come from the two (mixed) values. */
  static String uuid(long high, long low) {
    long hi = (mix(high) & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lo = (low & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }
}
