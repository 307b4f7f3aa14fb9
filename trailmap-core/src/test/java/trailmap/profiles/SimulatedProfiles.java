package trailmap.profiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Profiles in memory that apply {@link IdentityResolver}'s decisions, as the store does. */
final class SimulatedProfiles implements IdentityView {
  final Map<Identity, ProfileId> holder = new HashMap<>();
  final Map<ProfileId, Set<Identity>> members = new HashMap<>();
  final List<LimitRefusal> refusals = new ArrayList<>();
  private final IdentityRules rules;
  private int next;

  SimulatedProfiles(IdentityRules rules) {
    this.rules = rules;
  }

  @Override
  public Optional<ProfileId> profileOf(Identity identity) {
    return Optional.ofNullable(holder.get(identity));
  }

  @Override
  public int identityCount(ProfileId profile) {
    return members.getOrDefault(profile, Set.of()).size();
  }

  /** Applies the decision for these identities; answers the profile the event landed on. */
  ProfileId apply(List<Identity> identities) {
    Resolution decision = IdentityResolver.resolve(identities, this, rules);
    return switch (decision) {
      case Resolution.Create c -> {
        ProfileId id = new ProfileId("p" + next++);
        members.put(id, new HashSet<>());
        c.identities().forEach(i -> claim(id, i));
        yield id;
      }
      case Resolution.Attach a -> {
        a.added().forEach(i -> claim(a.target(), i));
        a.refused().ifPresent(refusals::add);
        yield a.target();
      }
      case Resolution.Merge m -> {
        for (ProfileId absorbed : m.absorbed()) {
          for (Identity i : members.remove(absorbed)) {
            holder.remove(i);
            claim(m.survivor(), i);
          }
        }
        m.added().forEach(i -> claim(m.survivor(), i));
        yield m.survivor();
      }
    };
  }

  private void claim(ProfileId profile, Identity identity) {
    if (holder.containsKey(identity) && !holder.get(identity).equals(profile)) {
      throw new AssertionError(identity + " is already held by " + holder.get(identity));
    }
    holder.put(identity, profile);
    members.get(profile).add(identity);
  }

  /** The grouping of identities, without the profile ids (which depend on arrival order). */
  Set<Set<Identity>> partition() {
    Set<Set<Identity>> out = new HashSet<>();
    members.values().stream().filter(s -> !s.isEmpty()).forEach(s -> out.add(Set.copyOf(s)));
    return out;
  }
}
