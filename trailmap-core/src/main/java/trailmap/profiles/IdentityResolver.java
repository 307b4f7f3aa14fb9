package trailmap.profiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides where an event's identities belong. The identities of one event are one person, so every
 * profile holding any of them is merged into one, unless that would exceed the limit on identities
 * per profile.
 *
 * <p>Because each event links all of its identities, the final grouping of identities into profiles
 * is the connected components of "appeared in one event", whatever order the events come in (as
 * long as no limit is hit). Which profile survives a merge: the one with the most identities (the
 * least data moves), ties to the smallest id.
 */
public final class IdentityResolver {
  private IdentityResolver() {}

  /**
   * The decision for an event carrying {@code identities} (as given by {@link EventIdentities}).
   *
   * @throws IllegalArgumentException when more identities are given than one profile may hold
   */
  public static Resolution resolve(
      List<Identity> identities, IdentityView view, IdentityRules rules) {
    int limit = rules.maxIdentitiesPerProfile();
    if (identities.size() > limit) {
      throw new IllegalArgumentException(
          "an event with " + identities.size() + " identities cannot fit a limit of " + limit);
    }
    TreeSet<ProfileId> holders = new TreeSet<>();
    List<Identity> unclaimed = new ArrayList<>();
    for (Identity identity : sorted(identities)) {
      Optional<ProfileId> holder = view.profileOf(identity);
      holder.ifPresentOrElse(holders::add, () -> unclaimed.add(identity));
    }
    if (holders.isEmpty()) {
      return new Resolution.Create(unclaimed);
    }
    ProfileId survivor =
        holders.stream()
            .min(
                Comparator.comparingInt((ProfileId p) -> -view.identityCount(p))
                    .thenComparing(Comparator.naturalOrder()))
            .orElseThrow();
    int survivorCount = view.identityCount(survivor);
    List<ProfileId> others = holders.stream().filter(p -> !p.equals(survivor)).toList();
    int total = survivorCount + unclaimed.size();
    for (ProfileId other : others) {
      total += view.identityCount(other);
    }
    if (total <= limit) {
      return others.isEmpty()
          ? new Resolution.Attach(survivor, unclaimed, Optional.empty())
          : new Resolution.Merge(survivor, others, unclaimed);
    }
    boolean roomForNew = survivorCount + unclaimed.size() <= limit;
    List<Identity> added = roomForNew ? unclaimed : List.of();
    List<Identity> notAdded = roomForNew ? List.of() : unclaimed;
    return new Resolution.Attach(
        survivor, added, Optional.of(new LimitRefusal(survivor, others, notAdded, total, limit)));
  }

  private static TreeSet<Identity> sorted(List<Identity> identities) {
    TreeSet<Identity> set = new TreeSet<>(Identity.ORDER);
    set.addAll(identities);
    return set;
  }
}
