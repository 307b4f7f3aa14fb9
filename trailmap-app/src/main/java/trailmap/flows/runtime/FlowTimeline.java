package trailmap.flows.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import trailmap.profiles.ProfileId;

/**
 * A profile's flow activity as timeline entries: {@code {"type": "flow", "at", "flow", "version",
 * "step", "kind", "outcome", "reason", "outboxId"}}, newest first, at most {@value #LIMIT}.
 */
public final class FlowTimeline {
  public static final int LIMIT = 500;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FlowTimeline() {}

  public static List<ObjectNode> of(FlowStore store, ProfileId id) {
    return store.activity(id.value(), LIMIT).stream()
        .map(
            a -> {
              ObjectNode n = MAPPER.createObjectNode();
              n.put("type", "flow").put("at", a.at().toString()).put("flow", a.flowId());
              n.put("version", a.version());
              a.step().ifPresent(s -> n.put("step", s));
              n.put("kind", a.kind()).put("outcome", a.outcome()).put("reason", a.reason());
              a.outboxId().ifPresent(o -> n.put("outboxId", o));
              return n;
            })
        .toList();
  }
}
