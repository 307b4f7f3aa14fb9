package trailmap.segments;

import java.util.regex.Pattern;

/**
 * A named rule; a profile is a member while the rule holds (or while a flow put it there by hand).
 *
 * @param id lower-case letters, digits, '-' and '_', at most 64 characters
 */
public record Segment(String id, String name, Rule rule) {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  public Segment {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "segment id must be lower-case letters, digits, '-' or '_' (at most 64), was '"
              + id
              + "'");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("segment '" + id + "' needs a name");
    }
    if (rule == null) {
      throw new IllegalArgumentException("segment '" + id + "' needs a rule");
    }
  }
}
