package trailmap.flows.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import trailmap.flows.Action;
import trailmap.flows.Flow;
import trailmap.flows.Message;
import trailmap.flows.Step;

/**
 * The SMS and push providers a flow's steps name that the server's {@code messaging.providers}
 * lacks. Publishing such a flow is refused: its messages could only be dead letters.
 */
final class FlowProviders {
  private FlowProviders() {}

  /** Why the flow cannot send through the configured providers; empty when it can. */
  static Optional<String> unknown(Flow flow, Set<String> configured) {
    List<String> missing = new ArrayList<>();
    for (Step step : flow.steps()) {
      if (step instanceof Action action) {
        String provider =
            switch (action.act()) {
              case Message.Sms sms -> sms.provider();
              case Message.Push push -> push.provider();
              default -> null;
            };
        if (provider != null && !configured.contains(provider)) {
          missing.add(
              "step '%s' sends %s through provider '%s'"
                  .formatted(action.id(), ((Message) action.act()).channel(), provider));
        }
      }
    }
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        String.join("; ", missing)
            + ", which the server's config does not name under messaging.providers ("
            + (configured.isEmpty()
                ? "no provider is configured"
                : "configured: " + String.join(", ", new TreeSet<>(configured)))
            + "); add it there with its webhook URL and restart the server, or name a configured"
            + " provider in the flow and save a new version");
  }
}
