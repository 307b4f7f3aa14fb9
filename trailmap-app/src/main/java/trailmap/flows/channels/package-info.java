/**
 * Channels that hand flow messages to providers: email over SMTP (Angus Mail) with a stable
 * Message-ID and one-click unsubscribe headers, webhooks (also SMS and push providers) with an
 * idempotency key and an HMAC signature; templates with HTML-escaped personalisation; signed
 * unsubscribe tokens. Depends on core values only, never on the runtime.
 */
package trailmap.flows.channels;
