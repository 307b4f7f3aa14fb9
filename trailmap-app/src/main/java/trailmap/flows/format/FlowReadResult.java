package trailmap.flows.format;

import java.util.List;
import java.util.Optional;
import trailmap.flows.Flow;
import trailmap.maps.format.MapProblem;

/**
 * What reading a flow file produced.
 *
 * @param flow present exactly when {@code problems} is empty
 * @param problems in file order
 */
public record FlowReadResult(Optional<Flow> flow, List<MapProblem> problems) {
  public FlowReadResult {
    problems = List.copyOf(problems);
    if (flow.isPresent() != problems.isEmpty()) {
      throw new IllegalArgumentException("a result has a flow or problems, never both or neither");
    }
  }

  public boolean isValid() {
    return problems.isEmpty();
  }
}
