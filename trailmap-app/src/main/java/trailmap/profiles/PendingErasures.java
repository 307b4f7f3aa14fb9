package trailmap.profiles;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes deletions that erased the person from the event log and profiles.db but not yet from the
 * stores outside it ({@link PendingErasure}): tells {@code erased} the ids again, then forgets the
 * record. Those stores' erasures are idempotent, so finishing one twice (two retries at once, or a
 * crash before the record was forgotten) is harmless.
 *
 * <pre>{@code
 * new PendingErasures(profiles, ids -> { flows.erase(ids); segments.erase(ids); }).finishAll();
 * }</pre>
 *
 * <p>The server finishes every pending erasure at start, before its processors run; {@code DELETE
 * /api/profiles/{id}} finishes those its {@code {id}} named, so a retry after a failure completes
 * the job.
 */
public final class PendingErasures {
  private static final Logger LOG = LoggerFactory.getLogger(PendingErasures.class);

  private final ProfileStore store;
  private final Consumer<Set<ProfileId>> erased;

  /**
   * @param erased erases the ids from every store outside profiles.db; an exception it throws
   *     leaves the erasure pending
   */
  public PendingErasures(ProfileStore store, Consumer<Set<ProfileId>> erased) {
    this.store = store;
    this.erased = erased;
  }

  /**
   * Finishes every pending erasure; one that fails again stays pending for the next start or a
   * retry of its {@code DELETE}, with a WARN line (no id: the person asked to be forgotten).
   *
   * @return how many are still pending
   */
  public int finishAll() {
    List<PendingErasure> pending = store.pendingErasures();
    int failed = 0;
    for (PendingErasure erasure : pending) {
      try {
        finish(erasure);
      } catch (RuntimeException e) {
        failed++;
        LOG.warn(
            "profiles: an erasure pending since an earlier failure could not be finished;"
                + " the next start, or a retry of its DELETE, tries again",
            e);
      }
    }
    if (!pending.isEmpty()) {
      LOG.info(
          "profiles: finished {} of {} erasures left pending by an earlier failure",
          pending.size() - failed,
          pending.size());
    }
    return failed;
  }

  /**
   * Finishes the pending erasures {@code ref} named when they were deleted.
   *
   * @return whether there was one
   * @throws RuntimeException what a store's erasure threw; the erasure stays pending
   */
  boolean finishNamedBy(ProfileRef ref) {
    List<PendingErasure> named = store.pendingErasures(ref);
    for (PendingErasure erasure : named) {
      finish(erasure);
    }
    return !named.isEmpty();
  }

  /**
   * Finishes the pending erasure of {@code profile}, which its deletion just recorded.
   *
   * @throws RuntimeException what a store's erasure threw; the erasure stays pending
   */
  void finish(ProfileId profile) {
    for (PendingErasure erasure : store.pendingErasures(new ProfileRef.ById(profile))) {
      if (erasure.profile().equals(profile)) {
        finish(erasure);
      }
    }
  }

  private void finish(PendingErasure erasure) {
    erased.accept(erasure.erased());
    store.erasureFinished(erasure.profile());
  }
}
