package trailmap.flows.channels;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hands a rendered message to a provider. Implementations are thread-safe and pass {@code outboxId}
 * to the provider (as Message-ID or Idempotency-Key) so a resend is recognisable.
 */
public interface Channel {
  DeliveryResult deliver(String outboxId, JsonNode payload);
}
