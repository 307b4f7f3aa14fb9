package trailmap.flows;

import java.util.List;
import java.util.regex.Pattern;

/** Rules shared by the ids and lists of a flow: ids are lower-case slugs, lists are immutable. */
final class Names {
  /** Lower-case letters, digits, '-' and '_', starting with a letter or digit, 1..64 chars. */
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private Names() {}

  static String requireId(String id, String what) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          what + " id must be 1-64 lower-case letters, digits, '-' or '_', was '" + id + "'");
    }
    return id;
  }

  static String requireText(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return text;
  }

  static <T> T require(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }

  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
