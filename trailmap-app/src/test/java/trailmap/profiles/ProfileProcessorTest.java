package trailmap.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trailmap.profiles.TestEvents.alias;
import static trailmap.profiles.TestEvents.identify;
import static trailmap.profiles.TestEvents.track;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import trailmap.eventlog.EventLog;
import trailmap.eventlog.MemoryEventLog;

class ProfileProcessorTest {
  static final IdentityRules RULES =
      IdentityRules.defaults().withMaxIdentitiesPerProfile(20).withTrustedSources(Set.of("crm"));
  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path reference;
  @TempDir Path resumed;

  @Test
  void aStoppedAndRestartedProcessorEndsExactlyWhereAnUninterruptedOneDoes() throws Exception {
    MemoryEventLog log = randomLog(new Random(42), 400);
    try (ProfileStore store = ProfileStore.open(reference, RULES, Clock.systemUTC());
        ProfileProcessor processor = ProfileProcessor.start(log, store, 500)) {
      assertThat(processor.awaitPosition(log.end(), WAIT)).isTrue();
    }
    for (int stop : List.of(37, 150, 151, 299)) {
      try (ProfileStore store = ProfileStore.open(resumed, RULES, Clock.systemUTC());
          ProfileProcessor processor = ProfileProcessor.start(log, store, 7)) {
        assertThat(processor.awaitPosition(stop, WAIT)).isTrue();
      }
    }
    try (ProfileStore store = ProfileStore.open(resumed, RULES, Clock.systemUTC());
        ProfileProcessor processor = ProfileProcessor.start(log, store, 13)) {
      assertThat(processor.awaitPosition(log.end(), WAIT)).isTrue();
    }
    try (ProfileStore a = ProfileStore.open(reference, RULES, Clock.systemUTC());
        ProfileStore b = ProfileStore.open(resumed, RULES, Clock.systemUTC())) {
      assertThat(b.position()).isEqualTo(a.position()).isEqualTo(log.end());
      Set<String> messageIds = new HashSet<>();
      Set<ProfileId> profiles = new HashSet<>();
      for (EventLog.LogEntry entry : log.read(0, 10_000)) {
        String ref = entry.event().userId().map(u -> "userId:" + u).orElseThrow();
        ProfileId id = a.resolve(ProfileRef.parse(ref)).orElseThrow();
        assertThat(b.resolve(ProfileRef.parse(ref))).as(ref).contains(id);
        if (profiles.add(id)) {
          assertThat(b.profile(id)).isEqualTo(a.profile(id));
          List<StoredEvent> events = b.events(id);
          assertThat(events).isEqualTo(a.events(id));
          events.forEach(e -> assertThat(messageIds.add(e.messageId())).as(e.messageId()).isTrue());
        }
      }
      assertThat(messageIds).hasSize((int) log.end());
    }
  }

  @Test
  void aBatchThatFailsPartWayLeavesNothingBehind() {
    MemoryEventLog log = new MemoryEventLog();
    log.add(track("A").user("u-1").build(), track("B").user("u-2").build());
    List<EventLog.LogEntry> broken = new ArrayList<>(log.read(0, 2));
    broken.add(broken.get(1));
    try (ProfileStore store = ProfileStore.open(resumed, RULES, Clock.systemUTC())) {
      assertThatThrownBy(() -> store.apply(broken)).isInstanceOf(IllegalStateException.class);
      assertThat(store.position()).isZero();
      assertThat(store.resolve(ProfileRef.parse("userId:u-1"))).isEmpty();
      assertThat(store.rowsMentioning("events", "u-1")).isZero();
      store.apply(log.read(0, 2));
      assertThat(store.position()).isEqualTo(2);
    }
  }

  @Test
  void logsOneClearLineWhenTheLimitRefusesAMerge() throws Exception {
    IdentityRules tight = RULES.withMaxIdentitiesPerProfile(6);
    MemoryEventLog log = new MemoryEventLog();
    for (int i = 0; i < 5; i++) {
      log.add(track("A").user("big").anon("a-" + i).build());
    }
    log.add(track("A").user("small").anon("s-1").build());
    log.add(track("A").user("big").anon("s-1").build());
    Logger logger = (Logger) LoggerFactory.getLogger(ProfileProcessor.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try (ProfileStore store = ProfileStore.open(resumed, tight, Clock.systemUTC());
        ProfileProcessor processor = ProfileProcessor.start(log, store, 100)) {
      assertThat(processor.awaitPosition(log.end(), WAIT)).isTrue();
    } finally {
      logger.detachAppender(appender);
    }
    List<ILoggingEvent> warnings =
        appender.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.getFirst().getFormattedMessage())
        .startsWith("profiles: refused to merge [")
        .contains("8 identities, over the limit of 6 (maxIdentitiesPerProfile)");
  }

  @Test
  void awaitPositionAnswersFalseWhenTheLogHasNotGotThatFar() throws Exception {
    MemoryEventLog log = new MemoryEventLog().add(track("A").user("u-1").build());
    try (ProfileStore store = ProfileStore.open(resumed, RULES, Clock.systemUTC());
        ProfileProcessor processor = ProfileProcessor.start(log, store, 10)) {
      assertThat(processor.awaitPosition(1, WAIT)).isTrue();
      assertThat(processor.awaitPosition(2, Duration.ofMillis(200))).isFalse();
      log.add(track("B").user("u-1").build());
      assertThat(processor.awaitPosition(2, WAIT)).isTrue();
      assertThat(processor.position()).isEqualTo(2);
    }
  }

  @Test
  void rejectsABatchSizeOutOfRange() {
    try (ProfileStore store = ProfileStore.open(resumed, RULES, Clock.systemUTC())) {
      assertThatThrownBy(() -> ProfileProcessor.start(new MemoryEventLog(), store, 0))
          .hasMessage("batchSize must be between 1 and 10000, was 0");
    }
  }

  /** Events of 40 users and 60 visitors, with identifies, aliases, emails and traits. */
  static MemoryEventLog randomLog(Random random, int count) {
    MemoryEventLog log = new MemoryEventLog();
    for (int i = 0; i < count; i++) {
      String user = "u-" + random.nextInt(40);
      String anon = "a-" + random.nextInt(60);
      TestEvents e =
          switch (random.nextInt(5)) {
            case 0 -> identify().user(user).anon(anon).trait("plan", "p" + random.nextInt(3));
            case 1 ->
                identify()
                    .user(user)
                    .trait("email", "e" + random.nextInt(30) + "@example.com")
                    .source(random.nextBoolean() ? "crm" : "web");
            case 2 -> alias(user, "u-" + random.nextInt(40));
            default -> track("T" + random.nextInt(4)).user(user).anon(anon);
          };
      log.add(
          e.minutes(random.nextInt(1000)).channel(random.nextBoolean() ? "web" : "app").build());
    }
    return log;
  }
}
