package trailmap.server;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import trailmap.store.MapSummary;

/**
 * A map as the list and save answers show it.
 *
 * @param state {@code current} or {@code future}
 * @param version the latest version number
 * @param reviewOverdue true when {@code reviewBy} has passed
 */
record MapView(
    String id,
    String name,
    String state,
    int version,
    String owner,
    Optional<LocalDate> reviewBy,
    boolean reviewOverdue,
    Instant updatedAt) {

  static MapView of(MapSummary s, Clock clock) {
    return new MapView(
        s.id(),
        s.name(),
        s.state().wireName(),
        s.version(),
        s.owner(),
        s.reviewBy(),
        s.isReviewOverdue(LocalDate.now(clock)),
        s.updatedAt());
  }
}
