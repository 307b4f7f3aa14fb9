package trailmap.flows.engine;

import java.util.List;

/** What handling one input produced: the state to store and the decisions, in order. */
public record Decisions(FlowState state, List<Decision> decisions) {
  public Decisions {
    if (state == null) {
      throw new IllegalArgumentException("decisions need the new state");
    }
    decisions = List.copyOf(decisions);
  }

  /** The decisions of one kind, e.g. {@code of(Decision.Send.class)}. */
  public <D extends Decision> List<D> of(Class<D> kind) {
    return decisions.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
