package trailmap.flows.policy;

import java.time.Instant;

/** A message already sent to the profile, by any flow: what frequency caps count. */
public record SentMessage(Instant at, String channel, String flowId) {
  public SentMessage {
    if (at == null || channel == null || flowId == null) {
      throw new IllegalArgumentException("a sent message needs a time, a channel and a flow");
    }
  }
}
