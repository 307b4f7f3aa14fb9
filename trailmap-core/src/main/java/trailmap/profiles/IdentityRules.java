package trailmap.profiles;

import java.util.Set;

/**
 * The knobs of identity resolution.
 *
 * @param maxIdentitiesPerProfile a merge or attach that would give one profile more identities than
 *     this is refused (6..100,000; default {@value #DEFAULT_MAX_IDENTITIES})
 * @param trustedSources ids of the sources whose {@code email} and {@code phone} traits may link
 *     profiles; traits from any other source are kept as traits but link nothing
 */
public record IdentityRules(int maxIdentitiesPerProfile, Set<String> trustedSources) {
  public static final int DEFAULT_MAX_IDENTITIES = 50;

  /**
   * The smallest allowed limit: one event can carry 6 identities (userId, anonymousId, an alias's
   * previousId under both types, email, phone), and a new profile must hold them all.
   */
  public static final int MIN_MAX_IDENTITIES = 6;

  public IdentityRules {
    if (maxIdentitiesPerProfile < MIN_MAX_IDENTITIES || maxIdentitiesPerProfile > 100_000) {
      throw new IllegalArgumentException(
          "maxIdentitiesPerProfile must be between "
              + MIN_MAX_IDENTITIES
              + " and 100000, was "
              + maxIdentitiesPerProfile);
    }
    trustedSources = Set.copyOf(trustedSources);
  }

  /** At most 50 identities per profile; no source trusted to link by email or phone. */
  public static IdentityRules defaults() {
    return new IdentityRules(DEFAULT_MAX_IDENTITIES, Set.of());
  }

  public IdentityRules withMaxIdentitiesPerProfile(int max) {
    return new IdentityRules(max, trustedSources);
  }

  public IdentityRules withTrustedSources(Set<String> sources) {
    return new IdentityRules(maxIdentitiesPerProfile, sources);
  }

  /** True when this source's email and phone traits link profiles. */
  public boolean trusts(String source) {
    return trustedSources.contains(source);
  }
}
