package trailmap.flows.policy;

import java.time.ZoneId;
import java.util.List;
import trailmap.profiles.ProfileId;

/**
 * What the policy knows about the profile a message is for.
 *
 * @param zone the profile's time zone (from its {@code timezone} trait, else the workspace's)
 * @param history messages sent to the profile by any flow; older than a month may be left out
 * @param pending messages that other flows will want to send, for the priority rule
 */
public record Recipient(
    ProfileId profile,
    ZoneId zone,
    Consent consent,
    List<SentMessage> history,
    List<PendingMessage> pending) {
  public Recipient {
    if (profile == null || zone == null || consent == null) {
      throw new IllegalArgumentException("a recipient needs a profile, a zone and a consent");
    }
    history = List.copyOf(history);
    pending = List.copyOf(pending);
  }
}
