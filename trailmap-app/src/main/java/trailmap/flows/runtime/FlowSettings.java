package trailmap.flows.runtime;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import trailmap.flows.channels.SmtpSettings;
import trailmap.flows.policy.MessagePolicy;

/**
 * How the flow runtime runs.
 *
 * @param policy caps, quiet hours, opt-in channels and the global holdout for every flow
 * @param smtp where emails go; without it emails wait in the outbox (retried, then dead)
 * @param publicUrl the server's address as recipients reach it, for unsubscribe links
 * @param providers SMS and push providers by name: the webhook URL each message is posted to
 * @param maxAttempts deliveries tried before a row is dead, 1..100 (default 8; {@code
 *     messaging.retries.attempts} in the config file)
 * @param backoff the wait after the first failed attempt, doubled after each further one (default
 *     30 s, more than zero and at most 6 h; {@code messaging.retries.backoff})
 * @param poll how often the runtime looks for new events, due timers and due sends when not woken
 * @param bodyRetention how long a sent or dead message keeps its rendered body ({@code
 *     messaging.bodyRetention}, default 30 days)
 */
public record FlowSettings(
    MessagePolicy policy,
    Optional<SmtpSettings> smtp,
    URI publicUrl,
    Map<String, URI> providers,
    int maxAttempts,
    Duration backoff,
    Duration poll,
    Duration bodyRetention) {
  public static final Duration MAX_BACKOFF = DeliveryRetries.MAX_BACKOFF;

  /**
   * @throws IllegalArgumentException for retries {@link DeliveryRetries} refuses
   */
  public FlowSettings {
    providers = Map.copyOf(providers);
    new DeliveryRetries(maxAttempts, backoff);
    if (bodyRetention == null || bodyRetention.isNegative() || bodyRetention.isZero()) {
      throw new IllegalArgumentException(
          "bodyRetention must be a positive duration, was " + bodyRetention);
    }
  }

  public static FlowSettings defaults(URI publicUrl) {
    return new FlowSettings(
        MessagePolicy.PERMISSIVE,
        Optional.empty(),
        publicUrl,
        Map.of(),
        DeliveryRetries.DEFAULT.attempts(),
        DeliveryRetries.DEFAULT.backoff(),
        Duration.ofMillis(100),
        MessagingConfig.DEFAULT_BODY_RETENTION);
  }

  public FlowSettings withPolicy(MessagePolicy p) {
    return new FlowSettings(
        p, smtp, publicUrl, providers, maxAttempts, backoff, poll, bodyRetention);
  }

  public FlowSettings withSmtp(SmtpSettings s) {
    return new FlowSettings(
        policy, Optional.of(s), publicUrl, providers, maxAttempts, backoff, poll, bodyRetention);
  }

  public FlowSettings withPublicUrl(URI u) {
    return new FlowSettings(policy, smtp, u, providers, maxAttempts, backoff, poll, bodyRetention);
  }

  public FlowSettings withProviders(Map<String, URI> p) {
    return new FlowSettings(policy, smtp, publicUrl, p, maxAttempts, backoff, poll, bodyRetention);
  }

  public FlowSettings withRetries(int attempts, Duration firstBackoff) {
    return new FlowSettings(
        policy, smtp, publicUrl, providers, attempts, firstBackoff, poll, bodyRetention);
  }

  /** With the retries of the config file's {@code messaging.retries}. */
  public FlowSettings withRetries(DeliveryRetries retries) {
    return withRetries(retries.attempts(), retries.backoff());
  }

  /** With the config file's {@code messaging.bodyRetention}. */
  public FlowSettings withBodyRetention(Duration kept) {
    return new FlowSettings(policy, smtp, publicUrl, providers, maxAttempts, backoff, poll, kept);
  }

  /** The retries as one value. */
  public DeliveryRetries retries() {
    return new DeliveryRetries(maxAttempts, backoff);
  }

  /** The wait after {@code failures} failed attempts (1 or more). */
  Duration backoffAfter(int failures) {
    return retries().after(failures);
  }
}
