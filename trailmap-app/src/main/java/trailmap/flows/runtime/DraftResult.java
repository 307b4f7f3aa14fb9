package trailmap.flows.runtime;

import java.util.List;
import trailmap.maps.format.MapProblem;

/** What {@link FlowStore#createDraft} did: stored a new version, or found problems. */
public sealed interface DraftResult {
  record Created(FlowVersionInfo version) implements DraftResult {}

  /** The document was not stored; every problem with its line and column. */
  record Invalid(List<MapProblem> problems) implements DraftResult {
    public Invalid {
      problems = List.copyOf(problems);
    }
  }
}
