package trailmap.flows.policy;

import java.util.Set;

/**
 * A profile's subscriptions. Channels are opt-out unless the policy lists them as opt-in (SMS
 * usually is): an opt-out channel may be used until the profile unsubscribes from it, an opt-in
 * channel only after the profile subscribed. Unsubscribing from a topic stops it on every channel.
 *
 * @param subscribedChannels channels the profile explicitly opted in to
 * @param unsubscribedChannels channels the profile opted out of (wins over a subscription)
 * @param unsubscribedTopics topics the profile opted out of, on all channels
 */
public record Consent(
    Set<String> subscribedChannels,
    Set<String> unsubscribedChannels,
    Set<String> unsubscribedTopics) {
  public static final Consent DEFAULT = new Consent(Set.of(), Set.of(), Set.of());

  public Consent {
    subscribedChannels = Set.copyOf(subscribedChannels);
    unsubscribedChannels = Set.copyOf(unsubscribedChannels);
    unsubscribedTopics = Set.copyOf(unsubscribedTopics);
  }
}
