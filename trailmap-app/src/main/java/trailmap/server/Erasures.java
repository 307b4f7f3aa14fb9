package trailmap.server;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import trailmap.profiles.ProfileId;

/**
 * Erases people from every store kept outside profiles.db (flows.db, segments.db), in order, after
 * {@code DELETE /api/profiles/{id}} erased them from the log and profiles.db. Each store's erasure
 * is idempotent and runs even when one before it failed, so one broken store does not keep the
 * person's rows in the others; the first failure is then thrown with the later ones suppressed.
 */
final class Erasures implements Consumer<Set<ProfileId>> {
  private final List<Consumer<Set<ProfileId>>> stores;

  Erasures(List<Consumer<Set<ProfileId>>> stores) {
    this.stores = List.copyOf(stores);
  }

  @Override
  public void accept(Set<ProfileId> people) {
    RuntimeException failed = null;
    for (Consumer<Set<ProfileId>> store : stores) {
      try {
        store.accept(people);
      } catch (RuntimeException e) {
        if (failed == null) {
          failed = e;
        } else {
          failed.addSuppressed(e);
        }
      }
    }
    if (failed != null) {
      throw failed;
    }
  }
}
