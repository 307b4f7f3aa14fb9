package trailmap.flows.dryrun;

import java.time.Instant;
import trailmap.flows.engine.Decision;

/**
 * Sees every decision of a dry run as it is made, e.g. to print one profile's would-be timeline.
 * Called on the thread that runs the dry run, profile by profile, each profile's decisions in
 * simulated-time order.
 */
@FunctionalInterface
public interface DryRunObserver {
  DryRunObserver NONE = (profile, at, decision) -> {};

  void decided(String profile, Instant at, Decision decision);
}
