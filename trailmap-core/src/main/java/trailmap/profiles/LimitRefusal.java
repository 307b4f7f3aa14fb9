package trailmap.profiles;

import java.util.List;

/**
 * Why a merge or an attach was refused: it would have given one profile more identities than {@link
 * IdentityRules#maxIdentitiesPerProfile}. The event still lands on {@code keptProfile}; the other
 * profiles stay apart and the identities in {@code notAdded} stay unlinked (or where they were).
 *
 * @param wouldHave the number of identities the profile would have had
 */
public record LimitRefusal(
    ProfileId keptProfile,
    List<ProfileId> notMerged,
    List<Identity> notAdded,
    int wouldHave,
    int limit) {
  public LimitRefusal {
    notMerged = List.copyOf(notMerged);
    notAdded = List.copyOf(notAdded);
  }

  /** One line for the log: what was refused, the numbers, and the knob. */
  public String message() {
    return "refused to "
        + (notMerged.isEmpty()
            ? "add identities " + notAdded + " to"
            : "merge " + notMerged + " into")
        + " profile "
        + keptProfile
        + ": it would hold "
        + wouldHave
        + " identities, over the limit of "
        + limit
        + " (maxIdentitiesPerProfile); a shared or junk identity value is the usual cause";
  }
}
