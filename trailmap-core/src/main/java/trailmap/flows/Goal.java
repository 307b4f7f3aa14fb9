package trailmap.flows;

import java.util.List;
import java.util.Optional;

/**
 * Conversion. With an {@code event}, the goal is reached the moment a matching event arrives, at
 * any step (also while waiting); a profile whose path leads to the goal step is converted too.
 * Either way the profile leaves the flow as converted.
 */
public record Goal(String id, Optional<EventMatch> event) implements Step {
  public Goal {
    Names.requireId(id, "step");
    event = event == null ? Optional.empty() : event;
  }

  @Override
  public List<String> targets() {
    return List.of();
  }
}
