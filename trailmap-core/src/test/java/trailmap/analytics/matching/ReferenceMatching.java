package trailmap.analytics.matching;

import java.util.ArrayList;
import java.util.List;
import trailmap.analytics.Conditions;
import trailmap.analytics.LoggedEvent;
import trailmap.maps.JourneyMap;
import trailmap.maps.Matcher;
import trailmap.maps.Stage;
import trailmap.maps.Touchpoint;

/** Matching as the map model states it: every criterion a matcher sets, evaluated directly. */
public final class ReferenceMatching {
  private ReferenceMatching() {}

  public static boolean matches(Matcher matcher, LoggedEvent event) {
    return matcher.event().map(event.name()::equals).orElse(true)
        && matcher.type().map(t -> t == event.type()).orElse(true)
        && matcher.channel().map(event.channel()::equals).orElse(true)
        && Conditions.all(matcher.where(), event.properties());
  }

  /** "mapId/touchpointId" of every touchpoint of the maps the event matches, in map order. */
  public static List<String> matches(List<JourneyMap> maps, LoggedEvent event) {
    List<String> found = new ArrayList<>();
    for (JourneyMap map : maps) {
      for (Stage stage : map.stages()) {
        for (Touchpoint tp : stage.touchpoints()) {
          if (tp.matcher().map(m -> matches(m, event)).orElse(false)) {
            found.add(map.id() + "/" + tp.id());
          }
        }
      }
    }
    return found;
  }
}
