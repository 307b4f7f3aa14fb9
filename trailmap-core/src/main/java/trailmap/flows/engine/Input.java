package trailmap.flows.engine;

import java.time.Instant;
import trailmap.flows.FlowEvent;

/** Something that happened to a profile, handed to the engine. */
public sealed interface Input {

  /** An event of the profile arrived (it may trigger, continue a wait, convert or exit). */
  record EventArrived(FlowEvent event) implements Input {}

  /** The profile's timer in this flow fired; {@code due} is the time it was set for. */
  record TimerFired(Instant due) implements Input {}

  /**
   * The profile reached a touchpoint of a journey map, through an event that happened {@code at}.
   */
  record TouchpointEntered(String mapId, String touchpointId, Instant at) implements Input {}

  /** The profile entered a stage of a journey map, through an event that happened {@code at}. */
  record StageEntered(String mapId, String stageId, Instant at) implements Input {}

  /** The profile joined a segment. */
  record SegmentEntered(String segmentId) implements Input {}

  /** The flow's schedule fired for the profile (in its zone). */
  record ScheduleFired() implements Input {}

  /** The flow was triggered for the profile through the API. */
  record ApiCalled() implements Input {}

  /** The profile's traits changed (only trait exits are checked). */
  record TraitsChanged() implements Input {}
}
