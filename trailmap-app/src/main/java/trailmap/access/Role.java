package trailmap.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a key may do. Roles are ordered: each includes everything the weaker ones may do (admin ⊇
 * editor ⊇ viewer).
 */
public enum Role {
  /** Reads maps, versions, diffs and renders. */
  VIEWER,
  /** Also creates, updates and deletes maps. */
  EDITOR,
  /** Also issues, lists and revokes API keys. */
  ADMIN;

  /** True when this role may do what {@code required} may do. */
  public boolean includes(Role required) {
    return compareTo(required) >= 0;
  }

  /** The lower-case name used in the API, e.g. {@code viewer}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromWireName(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
  }

  /** {@code viewer, editor, admin}, for error messages. */
  public static String wireNames() {
    return Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", "));
  }
}
