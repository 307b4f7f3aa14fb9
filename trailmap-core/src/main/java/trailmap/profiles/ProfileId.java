package trailmap.profiles;

/**
 * The id of a profile: stable for the profile's life, never one of its identities. It holds no
 * {@code ':'}, so an API path can tell it from a {@code type:value} identity.
 */
public record ProfileId(String value) implements Comparable<ProfileId> {
  public ProfileId {
    if (value == null || value.isBlank() || value.length() > 100 || value.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "a profile id must be 1-100 characters without ':', was '" + value + "'");
    }
  }

  @Override
  public int compareTo(ProfileId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
