package trailmap.flows;

import java.util.List;

/** What starts a flow for a profile. */
public sealed interface Trigger {

  /** A tracked event with property conditions. */
  record OnEvent(EventMatch match) implements Trigger {
    public OnEvent {
      Names.require(match, "event trigger match");
    }
  }

  /** The profile's event matched a touchpoint of a journey map. */
  record TouchpointEntered(String mapId, String touchpointId) implements Trigger {
    public TouchpointEntered {
      Names.requireId(mapId, "map");
      Names.requireId(touchpointId, "touchpoint");
    }
  }

  /** The profile entered a stage of a journey map. */
  record StageEntered(String mapId, String stageId) implements Trigger {
    public StageEntered {
      Names.requireId(mapId, "map");
      Names.requireId(stageId, "stage");
    }
  }

  /** The profile became a member of a segment. */
  record SegmentEntered(String segmentId) implements Trigger {
    public SegmentEntered {
      Names.requireId(segmentId, "segment");
    }
  }

  /** A recurring schedule, evaluated in each profile's own time zone. */
  record Schedule(Cron cron) implements Trigger {
    public Schedule {
      Names.require(cron, "schedule cron");
    }
  }

  /** Started by {@code POST /api/flows/{id}/trigger} for a named profile. */
  record Api() implements Trigger {}

  /** Names of the trigger kinds as written in flow files. */
  List<String> KINDS = List.of("event", "touchpoint", "stage", "segment", "schedule", "api");
}
