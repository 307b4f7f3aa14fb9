package trailmap.flows;

import java.util.List;
import java.util.Optional;

/** Does one thing for the profile, then continues with {@code next} (the flow ends when empty). */
public record Action(String id, Act act, Optional<String> next) implements Step {
  public Action {
    Names.requireId(id, "step");
    Names.require(act, "action '" + id + "'");
    next = next == null ? Optional.empty() : next;
  }

  @Override
  public List<String> targets() {
    return next.stream().toList();
  }
}
