package trailmap.analytics.journey;

import java.util.LinkedHashMap;
import java.util.Map;
import trailmap.analytics.EventTable;
import trailmap.analytics.EventTableBuilder;
import trailmap.events.JsonValue;
import trailmap.maps.EventType;
import trailmap.maps.JourneyMap;
import trailmap.maps.format.MapReader;

/**
 * A shop map with pain points and hypotheses, read from YAML, and a table of 60 journeys through it
 * with survey answers and support contacts, for the surveys, friction, compare and hypotheses
 * tests.
 *
 * <p>The journeys (day 0 is Monday 2026-01-05): every profile views pricing; profiles 0-39 check
 * out an hour later (20 of 60 leave: drop-off 1/3); profiles 0-29 are on the {@code pro} plan, the
 * others {@code free}. Each profile that checks out answers an NPS survey right after it: 9 for
 * even profiles, 3 for odd ones, with a comment "too slow" from profile 1. Profiles 40-49 contact
 * support about {@code billing} by chat on day 1 and by phone on day 2 and give a CES of 6 (after
 * the phone call) with the comment "had to call twice"; profiles 50-51 contact support by email
 * once about {@code login} (CES 2). One answer has an NPS of 11 and one names a touchpoint not on
 * the map.
 */
final class FeedbackFixture {
  static final long HOUR = 3_600L * 1_000_000L;
  static final long DAY = 24 * HOUR;
  static final long MONDAY = 1_767_571_200L * 1_000_000L; // 2026-01-05T00:00:00Z

  static final JourneyMap MAP =
      MapReader.read(
              "shop.yaml",
              """
              id: shop
              name: Shop
              state: current
              personas:
                - id: sam
                  name: Sam
              stages:
                - id: consider
                  name: Consider
                  touchpoints:
                    - id: pricing
                      name: Pricing page
                      channel: web
                      match: {event: Viewed Pricing}
                      painPoints:
                        - text: Prices are hard to compare
                          severity: high
                          hypothesis:
                            claim: At most 30% leave after pricing
                            metric: drop-off
                            atMost: 0.3
                        - text: Few who see prices buy
                          hypothesis:
                            claim: At least 90% go on to check out
                            metric: conversion
                            to: checkout
                            atLeast: 0.9
                - id: buy
                  name: Buy
                  touchpoints:
                    - id: checkout
                      name: Checkout
                      channel: web
                      match: {event: Checked Out}
                      painPoints:
                        - text: Checkout feels slow
                          hypothesis:
                            claim: NPS after checkout is at least 50
                            metric: nps
                            atLeast: 50
                - id: support
                  name: Support
                  touchpoints:
                    - id: chat
                      name: Chat
                      channel: chat
                      match: {event: Contacted Support, channel: chat}
                      painPoints:
                        - text: Billing questions take several contacts
                          hypothesis:
                            claim: CES at chat is at most 3
                            metric: ces
                            touchpoint: phone
                            atMost: 3
                    - id: phone
                      name: Phone
                      channel: phone
                      match: {event: Contacted Support, channel: phone}
                    - id: email
                      name: Email
                      channel: email
                      match: {event: Contacted Support, channel: email}
                      painPoints:
                        - text: Email answers are slow
                          hypothesis:
                            claim: Email support CSAT is at least 0.8
                            metric: csat
                            atLeast: 0.8
              """)
          .map()
          .orElseThrow();

  private FeedbackFixture() {}

  static EventTable table() {
    EventTableBuilder b = new EventTableBuilder();
    for (int i = 0; i < 60; i++) {
      String p = "p" + i;
      b.traits(p, obj(Map.of("plan", i < 30 ? "pro" : "free")));
      add(b, p, i * 60_000_000L, "Viewed Pricing", "web", Map.of());
      if (i < 40) {
        add(b, p, HOUR + i * 60_000_000L, "Checked Out", "web", Map.of());
        Map<String, Object> survey = new LinkedHashMap<>();
        survey.put("survey", "nps");
        survey.put("score", i % 2 == 0 ? 9 : 3);
        if (i == 1) {
          survey.put("comment", "too slow");
        }
        add(b, p, HOUR + i * 60_000_000L + 1, "Survey Responded", "email", survey);
      } else if (i < 50) {
        add(b, p, DAY, "Contacted Support", "chat", Map.of("issue", "billing"));
        add(b, p, 2 * DAY, "Contacted Support", "phone", Map.of("issue", "billing"));
        add(
            b,
            p,
            2 * DAY + HOUR,
            "Survey Responded",
            "email",
            Map.of("survey", "ces", "score", 6, "comment", "had to call twice"));
      } else if (i < 52) {
        add(b, p, DAY, "Contacted Support", "email", Map.of("issue", "login"));
        add(b, p, DAY + HOUR, "Survey Responded", "email", Map.of("survey", "ces", "score", 2));
      }
    }
    add(b, "p0", 3 * DAY, "Survey Responded", "email", Map.of("survey", "nps", "score", 11));
    add(
        b,
        "p2",
        3 * DAY,
        "Survey Responded",
        "web",
        Map.of("survey", "csat", "score", 4, "touchpoint", "faq"));
    return b.build();
  }

  static void add(
      EventTableBuilder b,
      String profile,
      long offset,
      String name,
      String channel,
      Map<String, Object> properties) {
    b.add(profile, MONDAY + offset, name, EventType.TRACK, channel, "site", obj(properties));
  }

  static JsonValue.Obj obj(Map<String, Object> values) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    values.forEach(
        (k, v) ->
            fields.put(
                k,
                v instanceof Number n
                    ? new JsonValue.Num(n.doubleValue())
                    : new JsonValue.Str(v.toString())));
    return new JsonValue.Obj(fields);
  }
}
