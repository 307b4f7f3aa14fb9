package trailmap.flows.policy;

import java.time.Instant;
import java.util.Optional;
import trailmap.flows.QuietHours;

/**
 * A message a flow wants to send.
 *
 * @param due when the flow wants it sent (usually now)
 * @param heldOut the profile is in the flow's or a split's holdout
 * @param quietHours the flow's own quiet hours, overriding the policy's
 */
public record Candidate(
    String flowId,
    int priority,
    String channel,
    String topic,
    Instant due,
    boolean heldOut,
    Optional<QuietHours> quietHours) {
  public Candidate {
    if (flowId == null || channel == null || topic == null || due == null) {
      throw new IllegalArgumentException("a candidate needs a flow, channel, topic and due time");
    }
    quietHours = quietHours == null ? Optional.empty() : quietHours;
  }
}
