package trailmap.flows.format;

import java.util.Optional;
import trailmap.flows.Flow;
import trailmap.maps.format.NodeParser;
import trailmap.maps.format.Problems;

/**
 * Reads a flow from YAML or JSON text and validates it completely: syntax, unknown fields (with a
 * did-you-mean), required fields, types, durations, times, cron, conditions, and the step graph
 * (duplicate ids, branches to missing steps, unreachable steps, loops without a wait). Every
 * problem has its line and column; the flow is returned only when there is none. Thread-safe.
 */
public final class FlowReader {
  /** Larger than any hand-written flow; bounds memory on hostile input. */
  public static final int MAX_CHARS = 1024 * 1024;

  private FlowReader() {}

  /**
   * @param source the name used in problem locations, e.g. the file name
   */
  public static FlowReadResult read(String source, String text) {
    Problems problems = new Problems(source);
    if (text.length() > MAX_CHARS) {
      problems.add(
          1,
          1,
          "the flow is %,d characters, over the %,d limit; split it into several flows"
              .formatted(text.length(), MAX_CHARS));
      return new FlowReadResult(Optional.empty(), problems.sorted());
    }
    Optional<Flow> flow =
        new NodeParser(problems, "flow", "a flow needs at least id, name, trigger and steps")
            .parse(text)
            .flatMap(root -> new FlowBinder(problems).bind(root));
    if (flow.isEmpty() && problems.isEmpty()) {
      problems.add(1, 1, "the flow could not be read");
    }
    return problems.isEmpty()
        ? new FlowReadResult(flow, problems.sorted())
        : new FlowReadResult(Optional.empty(), problems.sorted());
  }
}
