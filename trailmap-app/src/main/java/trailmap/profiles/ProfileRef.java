package trailmap.profiles;

import java.util.Optional;

/**
 * How the API names a profile: by its own id ({@code p_3f9c…}) or by any identity it holds, as
 * {@code TYPE:VALUE} with TYPE one of {@code userId}, {@code anonymousId}, {@code email}, {@code
 * phone} ({@code userId:u-42}, {@code email:ann@example.com}). Profile ids never contain {@code
 * ':'}, so the two forms cannot be confused.
 */
public sealed interface ProfileRef {
  record ById(ProfileId id) implements ProfileRef {}

  record ByIdentity(Identity identity) implements ProfileRef {}

  /**
   * Parses a path segment.
   *
   * @throws IllegalArgumentException saying which forms are accepted, for an unknown type or an
   *     empty value
   */
  static ProfileRef parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      try {
        return new ById(new ProfileId(text));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage() + "; " + FORMS, e);
      }
    }
    String typeName = text.substring(0, colon);
    Optional<IdentityType> type = IdentityType.fromWireName(typeName);
    if (type.isEmpty()) {
      throw new IllegalArgumentException("unknown identity type '" + typeName + "'; " + FORMS);
    }
    try {
      return new ByIdentity(new Identity(type.get(), text.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + "; " + FORMS, e);
    }
  }

  /** The accepted forms, for error messages. */
  String FORMS =
      "name a profile by its id (p_…) or by an identity as userId:VALUE, anonymousId:VALUE,"
          + " email:VALUE or phone:VALUE";
}
