package trailmap.analytics.surveys;

import java.util.Optional;

/**
 * One valid survey answer, attached to a touchpoint when one could be found.
 *
 * @param profile the profile's index in its table
 * @param event the event's index in its table
 * @param micros when it was answered, microseconds since the epoch
 * @param touchpoint the touchpoint id it is about: the one the event names, else that of the
 *     profile's most recent earlier event matching a touchpoint of the map; empty when neither
 * @param stage the stage of that touchpoint on the map; empty when unattached or not on the map
 * @param channel the channel of the attached touchpoint on the map, else the event's own channel,
 *     {@code unknown} when the event has none
 */
public record SurveyResponse(
    int profile,
    int event,
    String profileId,
    long micros,
    SurveyKind kind,
    int score,
    Optional<String> comment,
    Optional<String> touchpoint,
    Optional<String> stage,
    String channel) {

  public SurveyResponse {
    if (!kind.accepts(score)) {
      throw new IllegalArgumentException(
          "%s score must be between %d and %d, was %d"
              .formatted(kind.wireName(), kind.min(), kind.max(), score));
    }
    comment = comment == null ? Optional.empty() : comment;
    touchpoint = touchpoint == null ? Optional.empty() : touchpoint;
    stage = stage == null ? Optional.empty() : stage;
  }
}
