package trailmap.flows.engine;

import java.time.Instant;
import java.util.Optional;
import trailmap.profiles.ProfileId;

/**
 * What the engine remembers about one profile in one flow, across entries: keyed by (profile,
 * flow), so it partitions by profile.
 *
 * @param version the flow version of the current (or last) run
 * @param entries how many times the profile entered
 * @param run the current run, empty when the profile is not in the flow
 * @param lastOutcome how the last run ended
 */
public record FlowState(
    ProfileId profile,
    String flowId,
    int version,
    int entries,
    Optional<Instant> lastEnteredAt,
    Optional<Run> run,
    Optional<Outcome> lastOutcome) {
  public FlowState {
    if (profile == null || flowId == null) {
      throw new IllegalArgumentException("a flow state needs a profile and a flow");
    }
    lastEnteredAt = lastEnteredAt == null ? Optional.empty() : lastEnteredAt;
    run = run == null ? Optional.empty() : run;
    lastOutcome = lastOutcome == null ? Optional.empty() : lastOutcome;
    if (entries < 0 || (entries == 0 && run.isPresent())) {
      throw new IllegalArgumentException("a run needs an entry; entries was " + entries);
    }
  }

  /** A profile that never entered the flow. */
  public static FlowState none(ProfileId profile, String flowId, int version) {
    return new FlowState(
        profile, flowId, version, 0, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public boolean inside() {
    return run.isPresent();
  }

  /** When the profile's timer in this flow fires, if it has one. */
  public Optional<Instant> wakeAt() {
    return run.flatMap(Run::wakeAt);
  }

  FlowState withRun(Run newRun) {
    return new FlowState(
        profile, flowId, version, entries, lastEnteredAt, Optional.of(newRun), lastOutcome);
  }

  FlowState left(Outcome outcome) {
    return new FlowState(
        profile, flowId, version, entries, lastEnteredAt, Optional.empty(), Optional.of(outcome));
  }
}
