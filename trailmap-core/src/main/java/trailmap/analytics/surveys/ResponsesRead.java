package trailmap.analytics.surveys;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The survey answers of a table: the valid ones in table order (profile by profile, each in time
 * order), the rejected ones by reason, and the touchpoint ids answers named that the map does not
 * have (those answers are still attached to the id they name).
 */
public record ResponsesRead(
    List<SurveyResponse> responses, Rejected rejected, SortedSet<String> touchpointsNotOnMap) {
  public ResponsesRead {
    responses = List.copyOf(responses);
    touchpointsNotOnMap =
        java.util.Collections.unmodifiableSortedSet(new TreeSet<>(touchpointsNotOnMap));
  }
}
