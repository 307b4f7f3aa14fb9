package trailmap.analytics.friction;

import java.util.List;
import java.util.Optional;
import trailmap.maps.PainPoint;

/**
 * One place where customers struggle.
 *
 * @param touchpoint the touchpoint (for a transition, where it starts); empty when the finding is
 *     on no touchpoint of the map (e.g. contacts on a channel the map does not have)
 * @param to the touchpoint a transition ends at; empty for a touchpoint item
 * @param channel the channel, for findings off the map; empty otherwise
 * @param score affected × intensity, see {@link Friction}
 * @param affected the profiles, answers or transitions that struggle
 * @param intensity from 0 to 1: how far beyond its threshold the finding is
 * @param painPoints the map's pain points on the touchpoint, which the finding confirms; empty when
 *     the map does not have one yet
 */
public record FrictionItem(
    Optional<String> touchpoint,
    Optional<String> to,
    Optional<String> channel,
    double score,
    long affected,
    double intensity,
    Evidence evidence,
    List<PainPoint> painPoints) {

  public FrictionItem {
    touchpoint = touchpoint == null ? Optional.empty() : touchpoint;
    to = to == null ? Optional.empty() : to;
    channel = channel == null ? Optional.empty() : channel;
    painPoints = List.copyOf(painPoints);
    if (!(intensity >= 0 && intensity <= 1)) {
      throw new IllegalArgumentException("intensity must be between 0 and 1, was " + intensity);
    }
  }

  public boolean onMap() {
    return !painPoints.isEmpty();
  }

  /** What to add to the map when it does not have this pain point yet. */
  public Optional<String> suggestion() {
    if (onMap()) {
      return Optional.empty();
    }
    if (touchpoint.isEmpty()) {
      return Optional.of(
          "add a touchpoint for channel '%s' to the map, with the pain point \"%s\""
              .formatted(channel.orElse("?"), evidence.describe()));
    }
    return Optional.of(
        "add a pain point to touchpoint '%s'%s: \"%s\""
            .formatted(
                touchpoint.get(),
                to.map(t -> " (on the way to '" + t + "')").orElse(""),
                evidence.describe()));
  }
}
