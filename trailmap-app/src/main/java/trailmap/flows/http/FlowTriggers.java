package trailmap.flows.http;

import java.util.Optional;
import trailmap.flows.Trigger;

/**
 * Which triggers the running server starts flows for. Event, touchpoint, stage, segment and API
 * triggers run; schedule triggers validate and are part of the format, but the runtime does not
 * start them yet, so publishing such a flow is refused rather than accepted to do nothing.
 */
final class FlowTriggers {
  private FlowTriggers() {}

  /** Why the server cannot run this trigger yet; empty when it can. */
  static Optional<String> notRunYet(Trigger trigger) {
    String kind =
        switch (trigger) {
          case Trigger.OnEvent event -> null;
          case Trigger.SegmentEntered segment -> null;
          case Trigger.TouchpointEntered touchpoint -> null;
          case Trigger.StageEntered stage -> null;
          case Trigger.Schedule schedule -> "a schedule trigger";
          case Trigger.Api api -> null;
        };
    return Optional.ofNullable(kind)
        .map(
            k ->
                "the flow has "
                    + k
                    + ", which the server does not start flows for yet; the server runs event,"
                    + " touchpoint, stage, segment and API triggers");
  }
}
