package trailmap.flows.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * A row of the outbox: something to hand to a provider, with a deterministic id the provider
 * receives (Message-ID, Idempotency-Key) so a resend after a crash can be recognised.
 *
 * @param channel {@code email}, {@code sms}, {@code push}, {@code webhook} or {@code trait}
 * @param payload the message as JSON, an email's body as the number of its template body and what
 *     its placeholders read ({@link Payloads})
 * @param status {@code pending}, {@code sent}, {@code failed} (will retry) or {@code dead}
 */
public record OutboxMessage(
    String id,
    String flowId,
    int version,
    String profileId,
    String step,
    String channel,
    String payload,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Optional<String> lastError,
    Optional<Instant> sentAt) {}
