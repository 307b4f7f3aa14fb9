package trailmap.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import trailmap.events.Event;
import trailmap.events.JsonValue;

class DemoJourneysTest {
  private static final int N = 5_000;
  private static final DemoJourneys JOURNEYS = new DemoJourneys(7, DemoJourneys.DEFAULT_END);

  private static List<List<Event>> profiles(DemoJourneys journeys, int n) {
    List<List<Event>> all = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      List<Event> events = new ArrayList<>();
      journeys.profile(p, events::add);
      all.add(events);
    }
    return all;
  }

  private static final List<List<Event>> SAMPLE = profiles(JOURNEYS, N);

  private static boolean named(Event e, String name) {
    return e.name().filter(name::equals).isPresent();
  }

  @Test
  void theSameSeedGivesTheSameEvents() {
    assertThat(profiles(new DemoJourneys(7, DemoJourneys.DEFAULT_END), 300))
        .isEqualTo(SAMPLE.subList(0, 300));
  }

  @Test
  void anotherSeedGivesOtherPeopleAndIds() {
    List<List<Event>> other = profiles(new DemoJourneys(8, DemoJourneys.DEFAULT_END), 300);
    Set<String> ids = new HashSet<>();
    Set<String> users = new HashSet<>();
    SAMPLE
        .subList(0, 300)
        .forEach(
            p ->
                p.forEach(
                    e -> {
                      ids.add(e.messageId());
                      e.userId().ifPresent(users::add);
                    }));
    assertThat(other).isNotEqualTo(SAMPLE.subList(0, 300));
    other.forEach(
        p ->
            p.forEach(
                e -> {
                  assertThat(ids).doesNotContain(e.messageId());
                  e.userId().ifPresent(u -> assertThat(users).doesNotContain(u));
                }));
  }

  @Test
  void eventsComeInTimeOrderWithinTheSpanBeforeTheEnd() {
    Instant end = DemoJourneys.DEFAULT_END;
    Instant start = end.minus(DemoJourneys.SPAN);
    Set<String> ids = new HashSet<>();
    long events = 0;
    for (List<Event> profile : SAMPLE) {
      for (int i = 0; i < profile.size(); i++) {
        Event e = profile.get(i);
        assertThat(e.timestamp()).isBetween(start, end.minusMillis(1));
        assertThat(ids.add(e.messageId())).as("unique messageId %s", e.messageId()).isTrue();
        if (i > 0) {
          assertThat(e.timestamp()).isAfter(profile.get(i - 1).timestamp());
        }
        events++;
      }
    }
    assertThat(events / (double) N).as("events per profile").isBetween(6.0, 14.0);
  }

  @Test
  void everyChannelIsUsed() {
    Set<String> channels = new HashSet<>();
    SAMPLE.forEach(p -> p.forEach(e -> channels.add(e.channel())));
    assertThat(channels)
        .containsExactlyInAnyOrder(
            "ads", "web", "email", "chat", "phone", "store", "app", "social", "sms", "review");
  }

  @Test
  void aThirdOfPricingVisitorsLeaveWithoutATrial() {
    int viewers = 0;
    int trials = 0;
    for (List<Event> profile : SAMPLE) {
      int pricing = indexOf(profile, "Pricing");
      if (pricing < 0) {
        continue;
      }
      viewers++;
      if (profile.subList(pricing, profile.size()).stream()
          .anyMatch(e -> named(e, "Trial Started"))) {
        trials++;
      }
    }
    assertThat(viewers).isGreaterThan(1000);
    assertThat(trials / (double) viewers)
        .isCloseTo(PlantedFrictions.PRICING_TO_TRIAL, within(0.04));
  }

  @Test
  void someCustomersContactSupportThreeTimesOnThreeChannelsAboutOneIssue() {
    int repeaters = 0;
    for (List<Event> profile : SAMPLE) {
      Map<String, List<Event>> byIssue = new HashMap<>();
      for (Event e : profile) {
        e.properties()
            .text("issue")
            .ifPresent(i -> byIssue.computeIfAbsent(i, k -> new ArrayList<>()).add(e));
      }
      for (List<Event> contacts : byIssue.values()) {
        List<Event> closing =
            contacts.stream().filter(e -> !named(e, "Conversation Started")).toList();
        Set<String> channels = new HashSet<>();
        closing.forEach(e -> channels.add(e.channel()));
        if (channels.equals(Set.of("chat", "phone", "email"))) {
          Duration spread =
              Duration.between(closing.getFirst().timestamp(), closing.getLast().timestamp());
          assertThat(spread).isLessThan(Duration.ofDays(PlantedFrictions.REPEAT_CONTACT_DAYS));
          repeaters++;
        }
      }
    }
    assertThat(repeaters).isGreaterThan(30);
  }

  @Test
  void billingSupportIsHardWork() {
    double sum = 0;
    int n = 0;
    int comments = 0;
    for (List<Event> profile : SAMPLE) {
      for (Event e : profile) {
        JsonValue.Obj p = e.properties();
        if (named(e, "Survey Responded")
            && p.text("survey").orElse("").equals("ces")
            && p.text("touchpoint").orElse("").equals("billing-support")) {
          sum += ((JsonValue.Num) p.get("score").orElseThrow()).value();
          n++;
          comments += p.get("comment").isPresent() ? 1 : 0;
        }
      }
    }
    assertThat(n).isGreaterThan(50);
    assertThat(sum / n).isCloseTo(PlantedFrictions.BILLING_SUPPORT_CES_MEAN, within(0.35));
    assertThat(comments / (double) n)
        .isCloseTo(PlantedFrictions.BILLING_SUPPORT_COMMENT, within(0.15));
  }

  @Test
  void theBankFeedTakesDaysAfterTheTrialStarts() {
    List<Long> waits = new ArrayList<>();
    for (List<Event> profile : SAMPLE) {
      int trial = indexOf(profile, "Trial Started");
      int bank = indexOf(profile, "Bank Account Connected");
      if (trial >= 0 && bank > trial) {
        waits.add(
            Duration.between(profile.get(trial).timestamp(), profile.get(bank).timestamp())
                .toHours());
      }
    }
    waits.sort(null);
    assertThat(waits.size()).isGreaterThan(200);
    assertThat(waits.get(waits.size() / 2)).isBetween(48L, 96L);
  }

  private static int indexOf(List<Event> profile, String name) {
    for (int i = 0; i < profile.size(); i++) {
      if (named(profile.get(i), name)) {
        return i;
      }
    }
    return -1;
  }
}
