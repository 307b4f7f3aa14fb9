package trailmap.events;

import java.util.Locale;
import java.util.Set;

/**
 * Identity values that careless clients send for "no identity" and that must never link two
 * profiles: {@code null}, {@code undefined}, {@code anonymous}, {@code 0}, empty, all zeros, …
 * Merging on them would fold thousands of customers into one giant profile.
 */
public final class JunkIdentities {
  private static final Set<String> WORDS =
      Set.of(
          "null",
          "undefined",
          "nil",
          "none",
          "anonymous",
          "anon",
          "unknown",
          "guest",
          "user",
          "test",
          "n/a",
          "na",
          "-",
          "[object object]",
          "nan",
          "false",
          "true",
          "{}",
          "[]",
          "00000000-0000-0000-0000-000000000000");

  private JunkIdentities() {}

  /** True when the value must not be used as an identity. */
  public static boolean isJunk(String value) {
    if (value == null) {
      return true;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty() || WORDS.contains(v)) {
      return true;
    }
    // "0", "0000", "-1", "1111-1111", "x": placeholders, not identities.
    String bare = v.replace("-", "");
    return bare.isEmpty() || bare.chars().distinct().count() == 1;
  }
}
