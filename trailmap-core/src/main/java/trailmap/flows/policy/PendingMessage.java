package trailmap.flows.policy;

import java.time.Instant;

/**
 * A message another flow will want to send the profile: the profile waits in that flow and its next
 * step after the wait is this message.
 */
public record PendingMessage(String flowId, int priority, String channel, Instant due) {
  public PendingMessage {
    if (flowId == null || channel == null || due == null) {
      throw new IllegalArgumentException("a pending message needs a flow, a channel and a time");
    }
  }
}
