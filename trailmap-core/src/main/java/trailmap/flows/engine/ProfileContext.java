package trailmap.flows.engine;

import java.time.ZoneId;
import java.util.List;
import trailmap.events.JsonValue;
import trailmap.flows.FlowEvent;
import trailmap.flows.policy.Consent;
import trailmap.flows.policy.PendingMessage;
import trailmap.flows.policy.Recipient;
import trailmap.flows.policy.SentMessage;
import trailmap.profiles.ProfileId;

/**
 * What the engine may read about a profile when it handles an input.
 *
 * @param traits the profile's current traits (audience, trait splits and exits, message addresses)
 * @param zone the profile's time zone, for waits until a time, quiet hours and cap windows
 * @param events the profile's recent events, including the one being handled, for {@code did}
 *     conditions; events older than the longest {@code within} (or the run's entry) may be left out
 * @param history messages sent to the profile by any flow, for frequency caps
 * @param pending messages other flows will want to send soon ({@link FlowEngine#pending})
 */
public record ProfileContext(
    ProfileId profile,
    JsonValue.Obj traits,
    ZoneId zone,
    Consent consent,
    List<FlowEvent> events,
    List<SentMessage> history,
    List<PendingMessage> pending) {
  public ProfileContext {
    if (profile == null || traits == null || zone == null || consent == null) {
      throw new IllegalArgumentException(
          "a profile context needs a profile, traits, zone, consent");
    }
    events = List.copyOf(events);
    history = List.copyOf(history);
    pending = List.copyOf(pending);
  }

  Recipient recipient(List<SentMessage> withHistory) {
    return new Recipient(profile, zone, consent, withHistory, pending);
  }
}
