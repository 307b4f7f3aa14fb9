package trailmap.flows.testing;

import java.time.Instant;
import trailmap.flows.engine.Decision;
import trailmap.profiles.ProfileId;

/** A decision the driver saw, with when, for whom and in which flow. */
public record Recorded(Instant at, ProfileId profile, String flowId, Decision decision) {

  /** "2025-03-10T09:00:00Z welcome: sent on email (topic onboarding)". */
  @Override
  public String toString() {
    return at + " " + flowId + ": " + decision.reason();
  }
}
