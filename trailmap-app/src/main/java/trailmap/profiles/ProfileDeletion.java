package trailmap.profiles;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trailmap.eventlog.EventLog;

/**
 * Deletes a person everywhere ({@code DELETE /api/profiles/{id}}): first waits until the processor
 * has applied every event the log held when asked, so none of the person's acknowledged events is
 * left behind unattributed; then resolves the reference again (one of those events may have merged
 * the profile into another) and has the store erase the person from the log and profiles.db ({@link
 * ProfileStore#delete}), which records the erasure as pending; then tells {@code erased} the
 * profile's id and the ids of every profile merged into it, so state kept outside profiles.db
 * (flows.db, segments.db) goes too, and forgets the record. Nothing is deleted when the processor
 * does not catch up in time.
 *
 * <p>When {@code erased} fails, the person is already gone from the log and profiles.db; the
 * pending record lets a retry of the same deletion (by any reference that named them) finish the
 * job rather than answer that nobody holds the reference ({@link PendingErasures}).
 */
final class ProfileDeletion {
  /** What a deletion did. */
  sealed interface Outcome {
    /** Deleted, with this many events erased. */
    record Deleted(long events) implements Outcome {}

    /**
     * An earlier deletion of the person, which had failed after erasing them from the log and
     * profiles.db, is now finished in the other stores too.
     */
    record Finished() implements Outcome {}

    /** Nobody holds the reference (or the person was deleted already). */
    record Unknown() implements Outcome {}

    /** The processor had applied up to {@code applied} of {@code target} when the wait ended. */
    record CatchingUp(long applied, long target) implements Outcome {}

    /**
     * The person is gone from the log and profiles.db, but erasing them from another store failed
     * (logged); the erasure stays recorded and a retry of the deletion, or the next start, finishes
     * it.
     */
    record Unfinished() implements Outcome {}
  }

  private static final Logger LOG = LoggerFactory.getLogger(ProfileDeletion.class);

  private final ProfileStore store;
  private final EventLog log;
  private final Supplier<Optional<ProfileProcessor>> follower;
  private final Duration catchUp;
  private final PendingErasures pending;

  /**
   * @param follower the processor following {@code log} into {@code store}, when one runs; without
   *     one nothing is awaited
   * @param catchUp how long to wait for it
   * @param erased told after a deletion; an exception it throws fails the request, after
   *     profiles.db and the log were erased, and leaves the erasure pending for a retry
   */
  ProfileDeletion(
      ProfileStore store,
      EventLog log,
      Supplier<Optional<ProfileProcessor>> follower,
      Duration catchUp,
      Consumer<Set<ProfileId>> erased) {
    this.store = store;
    this.log = log;
    this.follower = follower;
    this.catchUp = catchUp;
    this.pending = new PendingErasures(store, erased);
  }

  Outcome delete(ProfileRef ref) {
    // A deletion of this person that failed after profiles.db left a record naming them.
    Outcome whenNobodyHoldsIt;
    try {
      whenNobodyHoldsIt =
          pending.finishNamedBy(ref) ? new Outcome.Finished() : new Outcome.Unknown();
    } catch (RuntimeException e) {
      return unfinished(e);
    }
    if (store.resolve(ref).isEmpty()) {
      return whenNobodyHoldsIt;
    }
    Optional<ProfileProcessor> processor = follower.get();
    if (processor.isPresent()) {
      long target = log.end();
      if (!caughtUp(processor.get(), target)) {
        return new Outcome.CatchingUp(processor.get().position(), target);
      }
    }
    Optional<ProfileId> id = store.resolve(ref);
    if (id.isEmpty()) {
      return whenNobodyHoldsIt;
    }
    OptionalLong deleted = store.delete(id.get(), log);
    if (deleted.isEmpty()) {
      return whenNobodyHoldsIt;
    }
    try {
      pending.finish(id.get());
    } catch (RuntimeException e) {
      return unfinished(e);
    }
    return new Outcome.Deleted(deleted.getAsLong());
  }

  /** Logs why a store outside profiles.db could not erase the person (no id: they asked to go). */
  private static Outcome unfinished(RuntimeException e) {
    LOG.warn(
        "profiles: an erasure reached the event log and profiles.db but not every other store; it"
            + " stays recorded and finishes on a retry of the DELETE or at the next start",
        e);
    return new Outcome.Unfinished();
  }

  private boolean caughtUp(ProfileProcessor processor, long target) {
    try {
      return processor.awaitPosition(target, catchUp);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
