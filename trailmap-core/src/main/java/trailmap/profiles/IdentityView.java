package trailmap.profiles;

import java.util.Optional;

/**
 * What {@link IdentityResolver} needs to know of the store: which profile holds an identity, and
 * how many identities a profile holds. The app implements it on its database, inside the
 * transaction that then applies the decision.
 */
public interface IdentityView {
  /** The profile that holds {@code identity}, if any. */
  Optional<ProfileId> profileOf(Identity identity);

  /** The number of identities {@code profile} holds; 0 for an unknown profile. */
  int identityCount(ProfileId profile);
}
