package trailmap.flows.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import trailmap.flows.QuietHours;
import trailmap.profiles.ProfileId;

class MessagePolicyTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant THURSDAY_NOON = Instant.parse("2025-03-13T11:00:00Z");
  private static final ProfileId ADA = new ProfileId("ada");

  private static MessagePolicy caps(FrequencyCap... caps) {
    return new MessagePolicy(List.of(caps), Optional.empty(), Set.of("sms"), 0, 7);
  }

  private static Candidate email(Instant due, int priority) {
    return new Candidate("promo", priority, "email", "news", due, false, Optional.empty());
  }

  private static Recipient ada(
      List<SentMessage> history, List<PendingMessage> pending, Consent consent) {
    return new Recipient(ADA, BERLIN, consent, history, pending);
  }

  private static List<SentMessage> sentEmails(String... times) {
    return java.util.Arrays.stream(times)
        .map(t -> new SentMessage(Instant.parse(t), "email", "other"))
        .toList();
  }

  @Test
  void aFullWeeklyCapSuppressesAndSaysSinceWhen() {
    MessagePolicy policy = caps(FrequencyCap.on("email", 3, CapWindow.WEEK));
    Verdict verdict =
        policy.decide(
            email(THURSDAY_NOON, 5),
            ada(
                sentEmails("2025-03-10T08:00:00Z", "2025-03-11T08:00:00Z", "2025-03-12T08:00:00Z"),
                List.of(),
                Consent.DEFAULT));
    assertThat(verdict)
        .isEqualTo(
            new Verdict.Suppress(
                Verdict.Cause.FREQUENCY_CAP,
                "suppressed: frequency cap email 3/week reached (sent 3 since Mon 2025-03-10)"));
  }

  @Test
  void theWeekStartsOnMondayMidnightInTheProfilesZone() {
    MessagePolicy policy = caps(FrequencyCap.on("email", 1, CapWindow.WEEK));
    // 23:30 UTC on Sunday is 00:30 on Monday in Berlin: a new week there.
    Instant due = Instant.parse("2025-03-16T23:30:00Z");
    Verdict afterSundayNight =
        policy.decide(
            email(due, 5), ada(sentEmails("2025-03-16T22:00:00Z"), List.of(), Consent.DEFAULT));
    assertThat(afterSundayNight).isInstanceOf(Verdict.Send.class);
    Verdict afterMondayMidnight =
        policy.decide(
            email(due, 5), ada(sentEmails("2025-03-16T23:10:00Z"), List.of(), Consent.DEFAULT));
    assertThat(afterMondayMidnight.reason()).endsWith("(sent 1 since Mon 2025-03-17)");
  }

  @Test
  void aGlobalCapCountsEveryChannel() {
    MessagePolicy policy = caps(FrequencyCap.global(2, CapWindow.DAY));
    List<SentMessage> history =
        List.of(
            new SentMessage(Instant.parse("2025-03-13T07:00:00Z"), "sms", "a"),
            new SentMessage(Instant.parse("2025-03-13T08:00:00Z"), "push", "b"));
    assertThat(
            policy
                .decide(email(THURSDAY_NOON, 5), ada(history, List.of(), Consent.DEFAULT))
                .reason())
        .isEqualTo("suppressed: frequency cap all channels 2/day reached (sent 2 since today)");
  }

  @Test
  void theLastSlotIsKeptForAHigherPriorityFlowDueInTheWindow() {
    MessagePolicy policy = caps(FrequencyCap.on("email", 3, CapWindow.WEEK));
    List<SentMessage> two = sentEmails("2025-03-10T08:00:00Z", "2025-03-11T08:00:00Z");
    PendingMessage renewal =
        new PendingMessage("renewal", 8, "email", Instant.parse("2025-03-14T09:00:00Z"));
    Verdict verdict =
        policy.decide(email(THURSDAY_NOON, 5), ada(two, List.of(renewal), Consent.DEFAULT));
    assertThat(verdict.reason())
        .isEqualTo(
            "suppressed: last slot of frequency cap email 3/week kept for flow 'renewal' (priority 8 > 5, due 2025-03-14 10:00)");
    assertThat(policy.decide(email(THURSDAY_NOON, 9), ada(two, List.of(renewal), Consent.DEFAULT)))
        .isInstanceOf(Verdict.Send.class);
    PendingMessage nextWeek =
        new PendingMessage("renewal", 8, "email", Instant.parse("2025-03-18T09:00:00Z"));
    assertThat(policy.decide(email(THURSDAY_NOON, 5), ada(two, List.of(nextWeek), Consent.DEFAULT)))
        .isInstanceOf(Verdict.Send.class);
  }

  @Test
  void consentIsPerChannelAndTopicAndSmsNeedsOptIn() {
    MessagePolicy policy = caps();
    Candidate sms = new Candidate("f", 5, "sms", "alerts", THURSDAY_NOON, false, Optional.empty());
    assertThat(policy.decide(sms, ada(List.of(), List.of(), Consent.DEFAULT)).reason())
        .isEqualTo("suppressed: sms needs opt-in and the profile has not subscribed to it");
    assertThat(
            policy.decide(
                sms, ada(List.of(), List.of(), new Consent(Set.of("sms"), Set.of(), Set.of()))))
        .isInstanceOf(Verdict.Send.class);
    assertThat(
            policy
                .decide(
                    email(THURSDAY_NOON, 5),
                    ada(List.of(), List.of(), new Consent(Set.of(), Set.of("email"), Set.of())))
                .reason())
        .isEqualTo("suppressed: profile unsubscribed from email");
    assertThat(
            policy
                .decide(
                    email(THURSDAY_NOON, 5),
                    ada(List.of(), List.of(), new Consent(Set.of(), Set.of(), Set.of("news"))))
                .reason())
        .isEqualTo("suppressed: profile unsubscribed from topic 'news'");
  }

  @Test
  void quietHoursEndAfterASpringForwardNight() {
    QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30));
    // 2025-03-30: Berlin jumps from 02:00 to 03:00, so 02:30 does not exist: go at 03:30 CEST.
    Instant due = Instant.parse("2025-03-29T23:00:00Z"); // 00:00 CET
    assertThat(night.deferral(due, BERLIN)).contains(Instant.parse("2025-03-30T01:30:00Z"));
  }

  @Test
  void quietHoursOutsideTheNightDoNotDefer() {
    QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    assertThat(night.deferral(THURSDAY_NOON, BERLIN)).isEmpty();
    assertThat(night.deferral(Instant.parse("2025-03-13T06:59:00Z"), BERLIN))
        .contains(Instant.parse("2025-03-13T07:00:00Z"));
  }

  @Test
  void theGlobalHoldoutIsAFixedShareChosenByHash() {
    MessagePolicy policy = new MessagePolicy(List.of(), Optional.empty(), Set.of(), 0.1, 99);
    MessagePolicy again = new MessagePolicy(List.of(), Optional.empty(), Set.of(), 0.1, 99);
    int held = 0;
    for (int i = 0; i < 5000; i++) {
      ProfileId p = new ProfileId("p" + i);
      assertThat(policy.globallyHeldOut(p)).isEqualTo(again.globallyHeldOut(p));
      held += policy.globallyHeldOut(p) ? 1 : 0;
    }
    assertThat(held).isBetween(420, 580);
  }
}
