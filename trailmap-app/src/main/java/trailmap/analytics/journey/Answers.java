package trailmap.analytics.journey;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Pieces every journey answer shares. */
final class Answers {
  private Answers() {}

  /** Adds {@code "warnings": [...]} when there are any. */
  static void warnings(ObjectNode answer, List<String> warnings) {
    if (!warnings.isEmpty()) {
      ArrayNode list = answer.putArray("warnings");
      warnings.forEach(list::add);
    }
  }
}
