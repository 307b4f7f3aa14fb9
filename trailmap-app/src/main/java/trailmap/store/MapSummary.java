package trailmap.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import trailmap.maps.MapState;

/**
 * What lists show about a stored map, without parsing its document.
 *
 * @param version the latest version number, 1 for a new map
 * @param updatedAt when the latest version was saved
 */
public record MapSummary(
    String id,
    String name,
    MapState state,
    String owner,
    Optional<LocalDate> reviewBy,
    int version,
    Instant updatedAt) {

  /** True when the map has a review date and it is before {@code today}. */
  public boolean isReviewOverdue(LocalDate today) {
    return reviewBy.map(date -> date.isBefore(today)).orElse(false);
  }
}
