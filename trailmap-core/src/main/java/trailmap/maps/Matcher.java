package trailmap.maps;

import java.util.List;
import java.util.Optional;

/**
 * Says which events are a touchpoint. Every criterion that is set must hold; at least one is set.
 *
 * @param event the Segment event name ({@code track}) or page/screen name
 * @param type the Segment call type
 * @param channel the event's channel ({@code context.channel} or the source's default)
 * @param where conditions on event properties, all of which must hold
 */
public record Matcher(
    Optional<String> event,
    Optional<EventType> type,
    Optional<String> channel,
    List<PropertyCondition> where) {

  public Matcher {
    event = event == null ? Optional.empty() : event;
    type = type == null ? Optional.empty() : type;
    channel = channel == null ? Optional.empty() : channel;
    where = Ids.copy(where);
    if (event.isEmpty() && type.isEmpty() && channel.isEmpty() && where.isEmpty()) {
      throw new IllegalArgumentException(
          "a matcher needs at least one of event, type, channel or where");
    }
  }
}
