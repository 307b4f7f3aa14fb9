package trailmap.profiles;

import java.util.Comparator;
import java.util.Locale;

/**
 * One identity: a type and a value. Values are compared as given, except that emails are
 * lower-cased and every value is stripped of surrounding blanks (so {@code " Ann@X.com"} and {@code
 * "ann@x.com"} are one identity).
 *
 * @param value 1-255 characters after normalisation
 */
public record Identity(IdentityType type, String value) {
  /** Longest identity value kept; Segment limits ids to 255 characters too. */
  public static final int MAX_VALUE_LENGTH = 255;

  /** Sorts by type, then value: a stable order for decisions and for display. */
  public static final Comparator<Identity> ORDER =
      Comparator.comparing(Identity::type).thenComparing(Identity::value);

  public Identity {
    if (type == null || value == null) {
      throw new IllegalArgumentException("an identity needs a type and a value");
    }
    value = value.strip();
    if (type == IdentityType.EMAIL) {
      value = value.toLowerCase(Locale.ROOT);
    }
    if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
      throw new IllegalArgumentException(
          type.wireName()
              + " must be 1-"
              + MAX_VALUE_LENGTH
              + " characters, was "
              + value.length());
    }
  }

  /** {@code type:value}, the form the API accepts for a lookup. */
  @Override
  public String toString() {
    return type.wireName() + ":" + value;
  }
}
