package trailmap.profiles;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of identity that can tie events to one person. */
public enum IdentityType {
  USER_ID("userId"),
  ANONYMOUS_ID("anonymousId"),
  EMAIL("email"),
  PHONE("phone");

  private final String wireName;

  IdentityType(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the API and in the store: {@code userId}, {@code anonymousId}, … */
  public String wireName() {
    return wireName;
  }

  /** The type with this wire name, if any. */
  public static Optional<IdentityType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
