package trailmap.profiles;

import java.util.List;
import java.util.Optional;

/**
 * What to do with one event's identities: exactly one of attach to a profile, create a profile, or
 * merge profiles. Every identity named in {@code added} or {@code identities} is not yet held by
 * any profile.
 */
public sealed interface Resolution {
  /** The profile the event lands on. Empty only for {@link Create}, whose id the app assigns. */
  Optional<ProfileId> profile();

  /**
   * The event lands on {@code profile}, which gains {@code added}. {@code refused} is present when
   * the limit kept identities out or kept other profiles apart.
   */
  record Attach(ProfileId target, List<Identity> added, Optional<LimitRefusal> refused)
      implements Resolution {
    public Attach {
      added = List.copyOf(added);
    }

    @Override
    public Optional<ProfileId> profile() {
      return Optional.of(target);
    }
  }

  /**
   * No identity is held yet: a new profile holding {@code identities} (none when every value was
   * junk: the profile is then reachable only by its id).
   */
  record Create(List<Identity> identities) implements Resolution {
    public Create {
      identities = List.copyOf(identities);
    }

    @Override
    public Optional<ProfileId> profile() {
      return Optional.empty();
    }
  }

  /**
   * The event's identities are held by several profiles: {@code survivor} absorbs the others (their
   * identities, traits and events) and gains {@code added}.
   */
  record Merge(ProfileId survivor, List<ProfileId> absorbed, List<Identity> added)
      implements Resolution {
    public Merge {
      absorbed = List.copyOf(absorbed);
      added = List.copyOf(added);
      if (absorbed.isEmpty() || absorbed.contains(survivor)) {
        throw new IllegalArgumentException("a merge absorbs at least one other profile");
      }
    }

    @Override
    public Optional<ProfileId> profile() {
      return Optional.of(survivor);
    }
  }
}
