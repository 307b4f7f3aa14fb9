package trailmap.flows.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A profile's current run through a flow.
 *
 * @param entry 1 for the first entry, counting re-entries
 * @param step the step the profile is at (waiting, or holding a deferred message)
 * @param wakeAt when the profile's timer fires; empty while it waits for nothing timed
 * @param heldOut the profile is in the flow's or a split's holdout: it is sent no messages
 * @param variants the variant chosen at each random split passed, by split id
 * @param visits how often each step was entered in this run (a loop enters a step again)
 */
public record Run(
    int entry,
    Instant enteredAt,
    String step,
    Instant stepEnteredAt,
    Optional<Instant> wakeAt,
    boolean heldOut,
    Map<String, String> variants,
    Map<String, Integer> visits) {
  public Run {
    if (entry < 1 || enteredAt == null || step == null || stepEnteredAt == null) {
      throw new IllegalArgumentException("a run needs an entry number, times and a step");
    }
    wakeAt = wakeAt == null ? Optional.empty() : wakeAt;
    variants = Map.copyOf(variants); // no order: FlowStates writes the column sorted
    visits = Map.copyOf(visits);
  }

  Run at(String newStep, Instant now, Optional<Instant> wake) {
    return new Run(entry, enteredAt, newStep, now, wake, heldOut, variants, visits);
  }

  Run visiting(String stepId) {
    Map<String, Integer> counted = new HashMap<>(visits);
    counted.merge(stepId, 1, Integer::sum);
    return new Run(entry, enteredAt, stepId, stepEnteredAt, wakeAt, heldOut, variants, counted);
  }

  Run assigned(String split, String variant, boolean holdout) {
    Map<String, String> chosen = new HashMap<>(variants);
    chosen.put(split, variant);
    return new Run(
        entry, enteredAt, step, stepEnteredAt, wakeAt, heldOut || holdout, chosen, visits);
  }

  int visitsOf(String stepId) {
    return visits.getOrDefault(stepId, 0);
  }
}
