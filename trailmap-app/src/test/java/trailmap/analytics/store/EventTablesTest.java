package trailmap.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.analytics.EventTable;
import trailmap.demo.DemoJourneys;
import trailmap.eventlog.FileEventLog;
import trailmap.events.Event;
import trailmap.generate.DemoDataWriter;
import trailmap.generate.GenerationSummary;
import trailmap.importer.ImportProgress;
import trailmap.maps.EventType;
import trailmap.profiles.IdentityRules;
import trailmap.profiles.ProfileId;
import trailmap.profiles.ProfileProcessor;
import trailmap.profiles.ProfileRef;
import trailmap.profiles.ProfileStore;

class EventTablesTest {
  private static final int PROFILES = 1_500;
  private static final DemoJourneys JOURNEYS = new DemoJourneys(21, DemoJourneys.DEFAULT_END);

  @TempDir static Path data;
  private static GenerationSummary generated;

  @BeforeAll
  static void generate() {
    try (FileEventLog log = FileEventLog.open(data.resolve("eventlog"))) {
      generated = DemoDataWriter.toLog(log, JOURNEYS, PROFILES, ImportProgress.none());
    }
  }

  private static List<Event> eventsOf(long profile) {
    List<Event> events = new ArrayList<>();
    JOURNEYS.profile(profile, events::add);
    return events;
  }

  /** A generated person seen anonymously on the web and in the app before signing in. */
  private static long stitchedPerson() {
    for (long p = 0; p < PROFILES; p++) {
      List<Event> events = eventsOf(p);
      boolean webAnonymous =
          events.stream().anyMatch(e -> e.userId().isEmpty() && e.channel().equals("web"));
      boolean appAnonymous =
          events.stream().anyMatch(e -> e.userId().isEmpty() && e.channel().equals("app"));
      boolean identified = events.stream().anyMatch(e -> e.type() == EventType.IDENTIFY);
      if (webAnonymous && appAnonymous && identified) {
        return p;
      }
    }
    throw new AssertionError("no stitched person generated");
  }

  private static OptionalInt indexOf(EventTable table, String profileId) {
    return IntStream.range(0, table.profiles())
        .filter(i -> table.profileId(i).equals(profileId))
        .findFirst();
  }

  private static ProfileId resolve(ProfileStore store, String userId) {
    return store.resolve(ProfileRef.parse("userId:" + userId)).orElseThrow();
  }

  @Test
  void loadsEveryEventOnOneProfilePerPersonStitchedAndWithoutDeletedOnes() {
    LoadedTable loaded = EventTables.load(data, LoadOptions.all());
    EventTable table = loaded.table();
    assertThat(loaded.lag()).isZero();
    assertThat(table.events()).isEqualTo(generated.events());
    assertThat(table.profiles()).isEqualTo(PROFILES);

    long person = stitchedPerson();
    List<Event> events = eventsOf(person);
    String userId = events.stream().flatMap(e -> e.userId().stream()).findFirst().orElseThrow();
    ProfileId id;
    try (ProfileStore store =
        ProfileStore.open(data, IdentityRules.defaults(), Clock.systemUTC())) {
      id = resolve(store, userId);
    }
    int p = indexOf(table, id.value()).orElseThrow();
    assertThat(table.profileEnd(p) - table.profileStart(p)).isEqualTo(events.size());
    assertThat(table.traits(p).text("persona")).isPresent();
    assertThat(table.traits(p).text("country")).isPresent();
    for (int e = table.profileStart(p); e < table.profileEnd(p); e++) {
      Event expected = events.get(e - table.profileStart(p));
      assertThat(table.micros(e)).isEqualTo(expected.timestamp().toEpochMilli() * 1000);
      assertThat(table.names().text(table.name(e))).isEqualTo(expected.name().orElse(""));
      assertThat(table.channels().text(table.channel(e))).isEqualTo(expected.channel());
      assertThat(table.sources().text(table.source(e))).isEqualTo(expected.source());
      assertThat(table.type(e)).isEqualTo(expected.type());
      assertThat(table.properties(e)).isEqualTo(expected.properties());
    }

    try (FileEventLog log = FileEventLog.open(data.resolve("eventlog"));
        ProfileStore store = ProfileStore.open(data, IdentityRules.defaults(), Clock.systemUTC())) {
      assertThat(store.delete(id, log)).hasValue(events.size());
    }
    EventTable after = EventTables.load(data, LoadOptions.all()).table();
    assertThat(indexOf(after, id.value())).isEmpty();
    assertThat(after.profiles()).isEqualTo(PROFILES - 1);
    assertThat(after.events()).isEqualTo(generated.events() - events.size());
  }

  @Test
  void aTimeRangeLoadsOnlyTheEventsInIt() {
    Instant from = DemoJourneys.DEFAULT_END.minus(Duration.ofDays(30));
    Instant to = DemoJourneys.DEFAULT_END.minus(Duration.ofDays(10));
    EventTable all = EventTables.load(data, LoadOptions.all()).table();
    long expected =
        IntStream.range(0, all.events())
            .filter(e -> all.micros(e) >= from.toEpochMilli() * 1000)
            .filter(e -> all.micros(e) < to.toEpochMilli() * 1000)
            .count();

    EventTable range = EventTables.load(data, LoadOptions.all().between(from, to)).table();

    assertThat(range.events()).isEqualTo((int) expected).isPositive();
    for (int e = 0; e < range.events(); e++) {
      assertThat(range.micros(e))
          .isBetween(from.toEpochMilli() * 1000, to.toEpochMilli() * 1000 - 1);
    }
  }

  @Test
  void loadsLiveBesideTheRunningProcessor(@TempDir Path live) {
    try (FileEventLog log = FileEventLog.open(live.resolve("eventlog"));
        ProfileStore store = ProfileStore.open(live, IdentityRules.defaults(), Clock.systemUTC())) {
      GenerationSummary s = DemoDataWriter.toLog(log, JOURNEYS, 300, ImportProgress.none());
      try (ProfileProcessor processor = ProfileProcessor.start(log, store, 5_000)) {
        processor.wake();
        LoadedTable loaded = EventTables.load(store, log, LoadOptions.all());
        assertThat(loaded.lag()).isZero();
        assertThat(loaded.position()).isEqualTo(log.end());
        assertThat(loaded.table().events()).isEqualTo(s.events());
        assertThat(loaded.table().profiles()).isEqualTo(300);

        LoadedTable now = EventTables.load(store, log, LoadOptions.all().waiting(Duration.ZERO));
        assertThat(now.lag()).isZero();
      }
    }
  }
}
