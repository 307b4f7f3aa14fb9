package trailmap.flows.dryrun;

import java.time.Instant;
import java.util.List;

/**
 * A map fixture for dry runs of touchpoint and stage triggers, with the events that enter it.
 *
 * <p>Map {@code shop}: stage {@code consider} has touchpoints {@code pricing} (track {@code
 * Pricing} with {@code plan: pro}), {@code compare} ({@code Compare Plans}) and {@code store-visit}
 * (no match rule); stage {@code buy} has {@code checkout} ({@code Checkout}). Events: ann views
 * Pricing on pro twice, bob once on free, cyd compares plans, dan checks out; all have an email. So
 * the pricing touchpoint enters ann (once: her second view comes while she waits), the consider
 * stage ann and cyd, the buy stage dan.
 */
public final class ShopFixture {
  public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  public static final String MAP =
      """
      id: shop
      name: Shop
      state: current
      owner: CX team
      reviewBy: 2027-01-31
      personas:
        - id: sam
          name: Sam
      stages:
        - id: consider
          name: Consideration
          touchpoints:
            - id: pricing
              name: Pricing page
              channel: web
              match:
                event: Pricing
                where: {plan: pro}
            - id: compare
              name: Plan comparison
              channel: web
              match: {event: Compare Plans}
            - id: store-visit
              name: Store visit
              channel: store
        - id: buy
          name: Purchase
          touchpoints:
            - id: checkout
              name: Checkout
              channel: web
              match: {event: Checkout}
      """;

  private ShopFixture() {}

  /** A one-email flow (no re-entry) on {@code trigger}, e.g. {@code "touchpoint: pricing"}. */
  public static String flow(String id, String trigger) {
    return """
        id: %s
        name: %s
        trigger:
          map: shop
          %s
        steps:
          - id: hello
            email: {template: hello, subject: Hello, to: email}
        """
        .formatted(id, id, trigger);
  }

  /** The events, as Segment calls (one JSON object each, for /v1/batch or a JSON Lines file). */
  public static List<String> calls() {
    return List.of(
        identify("ann", 0),
        identify("bob", 0),
        identify("cyd", 0),
        identify("dan", 0),
        track("ann", "Pricing", 1, "{\"plan\": \"pro\"}"),
        track("ann", "Pricing", 3, "{\"plan\": \"pro\"}"),
        track("bob", "Pricing", 1, "{\"plan\": \"free\"}"),
        track("cyd", "Compare Plans", 2, "{}"),
        track("dan", "Checkout", 2, "{}"));
  }

  private static String identify(String user, int hours) {
    return """
        {"type": "identify", "userId": "%s", "traits": {"email": "%s@example.com"}, \
        "timestamp": "%s", "messageId": "shop-%s-identify"}"""
        .formatted(user, user, T0.plusSeconds(hours * 3600L), user);
  }

  private static String track(String user, String event, int hours, String properties) {
    return """
        {"type": "track", "userId": "%s", "event": "%s", "properties": %s, \
        "timestamp": "%s", "messageId": "shop-%s-%s-%d"}"""
        .formatted(
            user,
            event,
            properties,
            T0.plusSeconds(hours * 3600L),
            user,
            event.replace(' ', '-'),
            hours);
  }
}
