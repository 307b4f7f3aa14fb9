package trailmap.maps;

import java.util.List;
import java.util.Optional;

/**
 * Something that hurts the customer at a touchpoint.
 *
 * @param backstage the processes or teams causing it (service blueprint), possibly empty
 * @param hypothesis a testable claim about this pain point that data can support or refute
 */
public record PainPoint(
    String text, Severity severity, List<String> backstage, Optional<Hypothesis> hypothesis) {

  public PainPoint {
    Ids.requireText(text, "pain point text");
    severity = severity == null ? Severity.MEDIUM : severity;
    backstage = Ids.copy(backstage);
    hypothesis = hypothesis == null ? Optional.empty() : hypothesis;
  }
}
