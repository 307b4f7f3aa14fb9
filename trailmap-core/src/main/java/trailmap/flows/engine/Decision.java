package trailmap.flows.engine;

import java.time.Instant;
import trailmap.flows.Act;
import trailmap.flows.Message;
import trailmap.flows.policy.Verdict;
import trailmap.maps.Scalar;

/**
 * One thing the engine decided. Each has a {@link #reason} written for the profile's timeline; the
 * app carries out {@link Send}, {@link CallWebhook}, {@link SetTrait}, {@link SegmentChange} and
 * the timers, and records the rest.
 */
public sealed interface Decision {

  String reason();

  /** The profile entered the flow. */
  record Entered(int entry, boolean heldOut, String reason) implements Decision {}

  /** The trigger matched but the profile did not enter, for {@code cause}. */
  record NotEntered(Cause cause, String reason) implements Decision {
    /** Why a trigger did not start the flow; {@link #wire} names it in dry runs and timelines. */
    public enum Cause {
      ALREADY_INSIDE("already-inside"),
      TOO_OLD("too-old"),
      NO_REENTRY("no-reentry"),
      MINIMUM_GAP("minimum-gap"),
      AUDIENCE("audience"),
      EXIT_CONDITION("exit-condition");

      private final String wire;

      Cause(String wire) {
        this.wire = wire;
      }

      public String wire() {
        return wire;
      }
    }
  }

  /**
   * The profile arrived at a step, or something happened at the step it is at (a wait ended, a
   * split chose a branch): {@link #arrival()} tells the two apart.
   */
  record StepReached(String stepId, String reason) implements Decision {
    /** An arrival reads "at step 'ID'" and is the first decision at each visit of a step. */
    static StepReached arrivedAt(String stepId) {
      return new StepReached(stepId, "at step '" + stepId + "'");
    }

    /** Whether the profile arrived at the step now (one visit), not already stood there. */
    public boolean arrival() {
      return reason.equals("at step '" + stepId + "'");
    }
  }

  /** A random split put the profile in a variant. */
  record Assigned(String splitId, String variant, boolean heldOut, String reason)
      implements Decision {}

  /**
   * Send a message now. {@code outboxId} is fixed by flow, version, profile, step, entry (and
   * visit, in loops): the provider receives it, so a resend after a crash is recognised.
   */
  record Send(String outboxId, String stepId, Message message, String address, String reason)
      implements Decision {}

  /** The message is not sent, for {@code cause}. */
  record Suppressed(String outboxId, String stepId, Verdict.Cause cause, String reason)
      implements Decision {}

  /** The message waits until {@code until}; the profile stays at the step with a timer. */
  record Deferred(String outboxId, String stepId, Instant until, String reason)
      implements Decision {}

  /** Call a webhook; {@code outboxId} is its idempotency key. */
  record CallWebhook(String outboxId, String stepId, Act.Webhook webhook, String reason)
      implements Decision {}

  /** Set a trait of the profile. */
  record SetTrait(String trait, Scalar value, String reason) implements Decision {}

  /** Add the profile to a segment or remove it. */
  record SegmentChange(String segmentId, boolean add, String reason) implements Decision {}

  /** Set the profile's timer in this flow (replacing any other). */
  record TimerSet(Instant at, String reason) implements Decision {}

  /** Cancel the profile's timer in this flow. */
  record TimerCancelled(Instant at, String reason) implements Decision {}

  /** The profile left the flow. */
  record Left(Outcome outcome, String stepId, String reason) implements Decision {}

  /** The input changed nothing (e.g. a timer that no longer applies). */
  record Ignored(String reason) implements Decision {}
}
