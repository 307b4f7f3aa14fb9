package trailmap.profiles;

import java.util.Set;

/**
 * A deletion that has erased the person from the event log and profiles.db but not yet confirmed
 * that every other store (flows.db, segments.db) has erased them too, as profiles.db records it
 * until then ({@link ProfileStore#pendingErasures()}).
 *
 * @param profile the deleted profile's id
 * @param erased the ids to erase elsewhere: {@code profile} and every profile merged into it
 */
public record PendingErasure(ProfileId profile, Set<ProfileId> erased) {
  public PendingErasure {
    erased = Set.copyOf(erased);
    if (!erased.contains(profile)) {
      throw new IllegalArgumentException(
          "a pending erasure must erase its own profile " + profile.value() + ", had " + erased);
    }
  }
}
