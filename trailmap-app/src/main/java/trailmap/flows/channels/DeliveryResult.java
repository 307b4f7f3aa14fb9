package trailmap.flows.channels;

/** How handing one outbox row to its provider went. Expected failures are values, not throws. */
public sealed interface DeliveryResult {
  /** The provider accepted it. */
  record Delivered(String detail) implements DeliveryResult {}

  /** It may work later (timeout, 5xx, 429, connection refused): retried with backoff. */
  record Retry(String reason) implements DeliveryResult {}

  /** It will never work (a 4xx, a malformed address): dead at once. */
  record Permanent(String reason) implements DeliveryResult {}
}
