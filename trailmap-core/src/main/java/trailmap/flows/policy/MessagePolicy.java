package trailmap.flows.policy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import trailmap.flows.Buckets;
import trailmap.flows.QuietHours;

/**
 * The rules every flow message passes, in this order (the first that applies decides):
 *
 * <ol>
 *   <li><b>global holdout</b>: a fixed share of all profiles, chosen by a hash of the profile id
 *       and {@code seed}, gets no flow message at all, so the whole programme can be measured;
 *   <li><b>flow holdout</b>: the profile is in the flow's or a split's control group;
 *   <li><b>consent</b>: the channel is unsubscribed, is opt-in and not subscribed, or the topic is
 *       unsubscribed;
 *   <li><b>quiet hours</b> (the flow's, else the policy's) in the profile's zone: the message is
 *       deferred to their end — caps are checked again when it is due;
 *   <li><b>frequency caps</b>, every cap that covers the channel, over calendar windows in the
 *       profile's zone, counting messages of all flows. <em>Priority rule</em>: a message may not
 *       take the <em>last</em> slot of a cap if the profile has a pending message of a strictly
 *       higher-priority flow on a covered channel due before that window ends; the higher-priority
 *       message keeps the slot. A message that finds the cap full is suppressed, not postponed: a
 *       late "you left something in your cart" is worse than none.
 * </ol>
 *
 * <p>Immutable and thread-safe.
 *
 * @param optInChannels channels a profile must have subscribed to (e.g. {@code sms})
 * @param globalHoldout share of profiles in the global holdout, 0 to 0.5
 * @param seed salts the holdout hash; changing it reshuffles who is held out
 */
public record MessagePolicy(
    List<FrequencyCap> caps,
    Optional<QuietHours> quietHours,
    Set<String> optInChannels,
    double globalHoldout,
    long seed) {

  /** No caps, no quiet hours, no holdout: every consented message goes. */
  public static final MessagePolicy PERMISSIVE =
      new MessagePolicy(List.of(), Optional.empty(), Set.of(), 0, 0);

  public MessagePolicy {
    caps = List.copyOf(caps);
    quietHours = quietHours == null ? Optional.empty() : quietHours;
    optInChannels = Set.copyOf(optInChannels);
    if (!(globalHoldout >= 0 && globalHoldout <= 0.5)) {
      throw new IllegalArgumentException(
          "global holdout must be between 0 and 0.5, was " + globalHoldout);
    }
  }

  /** Whether the profile is in the global holdout. */
  public boolean globallyHeldOut(trailmap.profiles.ProfileId profile) {
    return globalHoldout > 0
        && Buckets.unit(seed, "global-holdout", profile.value()) < globalHoldout;
  }

  /** The verdict on one message for one recipient. */
  public Verdict decide(Candidate message, Recipient recipient) {
    if (globallyHeldOut(recipient.profile())) {
      return new Verdict.Suppress(
          Verdict.Cause.GLOBAL_HOLDOUT,
          "suppressed: profile is in the global holdout (%s of profiles get no flow messages)"
              .formatted(percent(globalHoldout)));
    }
    if (message.heldOut()) {
      return new Verdict.Suppress(
          Verdict.Cause.FLOW_HOLDOUT,
          "suppressed: profile is in the holdout of flow '" + message.flowId() + "'");
    }
    Optional<Verdict> consent = consent(message, recipient.consent());
    if (consent.isPresent()) {
      return consent.get();
    }
    Optional<QuietHours> quiet = message.quietHours().or(this::quietHours);
    if (quiet.isPresent()) {
      Optional<Instant> until = quiet.get().deferral(message.due(), recipient.zone());
      if (until.isPresent()) {
        return new Verdict.Defer(
            until.get(),
            "deferred: quiet hours %s-%s in %s (due %s, goes at %s)"
                .formatted(
                    quiet.get().start(),
                    quiet.get().end(),
                    recipient.zone(),
                    local(message.due(), recipient),
                    local(until.get(), recipient)));
      }
    }
    for (FrequencyCap cap : caps) {
      if (!cap.covers(message.channel())) {
        continue;
      }
      Instant start = cap.window().start(message.due(), recipient.zone());
      Instant end = cap.window().end(message.due(), recipient.zone());
      long sent =
          recipient.history().stream()
              .filter(s -> cap.covers(s.channel()))
              .filter(s -> !s.at().isBefore(start) && !s.at().isAfter(message.due()))
              .count();
      String since = cap.window().since(message.due(), recipient.zone());
      if (sent >= cap.max()) {
        return new Verdict.Suppress(
            Verdict.Cause.FREQUENCY_CAP,
            "suppressed: frequency cap %s reached (sent %d since %s)"
                .formatted(cap.label(), sent, since));
      }
      if (sent == cap.max() - 1) {
        Optional<PendingMessage> rival =
            recipient.pending().stream()
                .filter(p -> p.priority() > message.priority())
                .filter(p -> !p.flowId().equals(message.flowId()))
                .filter(p -> cap.covers(p.channel()))
                .filter(p -> p.due().isBefore(end))
                .findFirst();
        if (rival.isPresent()) {
          return new Verdict.Suppress(
              Verdict.Cause.PRIORITY,
              "suppressed: last slot of frequency cap %s kept for flow '%s' (priority %d > %d, due %s)"
                  .formatted(
                      cap.label(),
                      rival.get().flowId(),
                      rival.get().priority(),
                      message.priority(),
                      local(rival.get().due(), recipient)));
        }
      }
    }
    return new Verdict.Send("sent on " + message.channel() + " (topic " + message.topic() + ")");
  }

  private Optional<Verdict> consent(Candidate message, Consent consent) {
    String channel = message.channel();
    if (consent.unsubscribedChannels().contains(channel)) {
      return Optional.of(
          new Verdict.Suppress(
              Verdict.Cause.CONSENT, "suppressed: profile unsubscribed from " + channel));
    }
    if (optInChannels.contains(channel) && !consent.subscribedChannels().contains(channel)) {
      return Optional.of(
          new Verdict.Suppress(
              Verdict.Cause.CONSENT,
              "suppressed: %s needs opt-in and the profile has not subscribed to it"
                  .formatted(channel)));
    }
    if (consent.unsubscribedTopics().contains(message.topic())) {
      return Optional.of(
          new Verdict.Suppress(
              Verdict.Cause.CONSENT,
              "suppressed: profile unsubscribed from topic '" + message.topic() + "'"));
    }
    return Optional.empty();
  }

  private static String local(Instant at, Recipient recipient) {
    return LocalDateTime.ofInstant(at, recipient.zone()).toString().replace('T', ' ');
  }

  private static String percent(double share) {
    double p = share * 100;
    return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
  }
}
