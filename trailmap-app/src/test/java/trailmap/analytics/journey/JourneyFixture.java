package trailmap.analytics.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import trailmap.analytics.EventTable;
import trailmap.analytics.EventTableBuilder;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;
import trailmap.maps.JourneyMap;
import trailmap.maps.format.MapReader;

/** A small map read from YAML and a table of journeys through it, for the JSON layer tests. */
final class JourneyFixture {
  static final ObjectMapper JSON = new ObjectMapper();
  static final long DAY = 86_400L * 1_000_000L;
  static final long JAN_1 = 1_767_225_600L * 1_000_000L; // 2026-01-01T00:00:00Z

  static final JourneyMap MAP =
      MapReader.read(
              "saas.yaml",
              """
              id: saas
              name: SaaS
              state: current
              personas:
                - id: alex
                  name: Alex
              stages:
                - id: awareness
                  name: Awareness
                  touchpoints:
                    - id: ad
                      name: Ad
                      channel: ads
                      match: {event: Ad Clicked}
                - id: consideration
                  name: Consideration
                  touchpoints:
                    - id: pricing
                      name: Pricing page
                      channel: web
                      match: {event: Viewed Pricing}
                    - id: demo
                      name: Demo
                      channel: web
                      match: {event: Booked Demo}
                - id: purchase
                  name: Purchase
                  touchpoints:
                    - id: trial
                      name: Trial
                      channel: web
                      match: {event: Started Trial, where: {plan: pro}}
              """)
          .map()
          .orElseThrow();

  private JourneyFixture() {}

  /**
   * Four profiles: a: ad, pricing, pricing, trial (pro); b: ad, pricing, demo, pricing; c: ad,
   * trial (pro) — skips consideration; d: Newsletter Opened, then pricing on day 10.
   */
  static EventTable table() {
    EventTableBuilder b = new EventTableBuilder();
    JsonValue.Obj pro = new JsonValue.Obj(Map.of("plan", new JsonValue.Str("pro")));
    JsonValue.Obj none = JsonValue.Obj.EMPTY;
    add(b, "a", 0, "Ad Clicked", none);
    add(b, "a", 60, "Viewed Pricing", none);
    add(b, "a", 90, "Viewed Pricing", none);
    add(b, "a", 150, "Started Trial", pro);
    add(b, "b", 0, "Ad Clicked", none);
    add(b, "b", 120, "Viewed Pricing", none);
    add(b, "b", 180, "Booked Demo", none);
    add(b, "b", 200, "Viewed Pricing", none);
    add(b, "c", 0, "Ad Clicked", none);
    add(b, "c", 30, "Started Trial", pro);
    add(b, "d", 0, "Newsletter Opened", none);
    b.add("d", JAN_1 + 10 * DAY, "Viewed Pricing", EventType.TRACK, "web", "site", none);
    return b.build();
  }

  private static void add(
      EventTableBuilder b, String profile, long seconds, String name, JsonValue.Obj p) {
    b.add(profile, JAN_1 + seconds * 1_000_000L, name, EventType.TRACK, "web", "site", p);
  }

  static JsonNode query(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
