package trailmap.profiles;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the processor learned about identities during the batch in hand: who holds an identity and
 * how many identities a profile has. A busy user's events repeat within a batch, and each repeat
 * used to ask SQLite again. Lives for one transaction only (cleared when the next begins), so a
 * rolled-back batch can never leave a stale answer behind; a merge clears it at once.
 */
final class BatchIdentities {
  final Map<Identity, Optional<ProfileId>> holders = new HashMap<>();
  final Map<ProfileId, Integer> counts = new HashMap<>();

  void clear() {
    holders.clear();
    counts.clear();
  }

  /** {@code profile} now holds {@code identity} (inserted in this transaction). */
  void claimed(Identity identity, ProfileId profile) {
    holders.put(identity, Optional.of(profile));
    counts.computeIfPresent(profile, (p, n) -> n + 1);
  }
}
