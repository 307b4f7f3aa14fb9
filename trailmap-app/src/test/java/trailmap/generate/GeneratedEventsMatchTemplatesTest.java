package trailmap.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import trailmap.analytics.Conditions;
import trailmap.demo.DemoJourneys;
import trailmap.demo.DemoTemplate;
import trailmap.events.Event;
import trailmap.maps.EventType;
import trailmap.maps.JourneyMap;
import trailmap.maps.MapState;
import trailmap.maps.Matcher;
import trailmap.maps.Touchpoint;
import trailmap.maps.format.MapReader;
import trailmap.maps.templates.MapTemplates;

class GeneratedEventsMatchTemplatesTest {
  private static final int N = 3_000;

  private static JourneyMap map(DemoTemplate template) {
    return MapReader.read(
            template.mapId(), MapTemplates.yaml(template.wireName(), MapState.CURRENT))
        .map()
        .orElseThrow();
  }

  private static boolean matches(Matcher m, Event e) {
    return m.event().map(name -> e.name().filter(name::equals).isPresent()).orElse(true)
        && m.type().map(t -> t == e.type()).orElse(true)
        && m.channel().map(c -> c.equals(e.channel())).orElse(true)
        && Conditions.all(m.where(), e.properties());
  }

  @Test
  void mostEventsMatchATouchpointOfTheirTemplateAndMostTouchpointsSeeTraffic() {
    DemoJourneys journeys = new DemoJourneys(11, DemoJourneys.DEFAULT_END);
    Map<DemoTemplate, List<Touchpoint>> touchpoints = new HashMap<>();
    for (DemoTemplate t : DemoTemplate.values()) {
      touchpoints.put(t, map(t).touchpoints().filter(tp -> tp.matcher().isPresent()).toList());
    }
    Map<DemoTemplate, long[]> counts = new HashMap<>(); // {events, matched}
    Map<DemoTemplate, Set<String>> seen = new HashMap<>();
    for (long p = 0; p < N; p++) {
      DemoTemplate template = journeys.templateOf(p);
      List<Event> events = new ArrayList<>();
      journeys.profile(p, events::add);
      long[] c = counts.computeIfAbsent(template, t -> new long[2]);
      for (Event e : events) {
        if (e.type() == EventType.IDENTIFY) {
          continue;
        }
        c[0]++;
        boolean matched = false;
        for (Touchpoint tp : touchpoints.get(template)) {
          if (matches(tp.matcher().orElseThrow(), e)) {
            matched = true;
            seen.computeIfAbsent(template, t -> new HashSet<>()).add(tp.id());
          }
        }
        c[1] += matched ? 1 : 0;
      }
    }
    for (DemoTemplate t : DemoTemplate.values()) {
      long[] c = counts.get(t);
      System.out.printf(
          "%s: %.3f of events match; touchpoints seen %s%n", t, c[1] / (double) c[0], seen.get(t));
      assertThat(c[1] / (double) c[0]).as("%s events matching a touchpoint", t).isGreaterThan(0.55);
      assertThat(seen.get(t).size() / (double) touchpoints.get(t).size())
          .as("%s touchpoints with traffic: %s", t, seen.get(t))
          .isGreaterThan(0.9);
    }
  }
}
