package trailmap.flows.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trailmap.analytics.EventTable;
import trailmap.flows.Cron;
import trailmap.flows.EntryRules;
import trailmap.flows.EventMatch;
import trailmap.flows.Flow;
import trailmap.flows.Goal;
import trailmap.flows.SampleFlows;
import trailmap.flows.Step;
import trailmap.flows.Trigger;
import trailmap.flows.Wait;
import trailmap.flows.engine.Decision;
import trailmap.flows.policy.MessagePolicy;

/**
 * Schedule triggers replayed: the cron fires for each profile in its own zone, interleaved with its
 * events and timers, and the engine's entry rules decide as live.
 */
class DryRunScheduleTest {
  /**
   * Monday 2025-03-10 00:00 UTC to Monday 2025-03-24 00:00 UTC: two Mondays. New York is on summer
   * time from 2025-03-09 (UTC-4), Berlin still on winter time (UTC+1).
   */
  static final DryRunRange TWO_WEEKS =
      new DryRunRange(Instant.parse("2025-03-10T00:00:00Z"), Instant.parse("2025-03-24T00:00:00Z"));

  static final Instant BEFORE = Instant.parse("2025-03-01T12:00:00Z");

  static Flow mondayDigest(EntryRules entry, List<Step> steps) {
    return new Flow(
        "digest",
        "Digest",
        1,
        Optional.empty(),
        new Trigger.Schedule(Cron.parse("0 9 * * mon")),
        entry,
        steps,
        List.of(),
        Flow.DEFAULT_PRIORITY,
        0,
        Optional.empty());
  }

  static final List<Step> ONE_EMAIL = List.of(SampleFlows.send("digest-email", "digest", null));

  static final EntryRules REENTRY = new EntryRules(true, Optional.empty(), List.of());

  static Tables person(Tables tables, String id, String zone) {
    return tables
        .profile(id, Map.of("email", id + "@example.com", "timezone", zone))
        .event(id, BEFORE, "Signed Up");
  }

  /** ber in Berlin, nyc in New York, both first seen before the range. */
  static EventTable berlinAndNewYork() {
    Tables tables = Tables.of();
    person(tables, "ber", "Europe/Berlin");
    person(tables, "nyc", "America/New_York");
    return tables.build();
  }

  record Entry(String profile, Instant at) {}

  static List<Entry> entries(Flow flow, EventTable table, DryRunResult[] result) {
    List<Entry> entries = new ArrayList<>();
    result[0] =
        new DryRun(flow, MessagePolicy.PERMISSIVE, 42, ZoneOffset.UTC)
            .run(
                table,
                TWO_WEEKS,
                0,
                table.profiles(),
                (profile, at, decision) -> {
                  if (decision instanceof Decision.Entered) {
                    entries.add(new Entry(profile, at));
                  }
                });
    return entries;
  }

  @Test
  void firesAtNineOnEachMondayInEachProfilesOwnZone() {
    DryRunResult[] result = new DryRunResult[1];

    List<Entry> entries = entries(mondayDigest(REENTRY, ONE_EMAIL), berlinAndNewYork(), result);

    assertThat(entries)
        .containsExactly(
            new Entry("ber", Instant.parse("2025-03-10T08:00:00Z")),
            new Entry("ber", Instant.parse("2025-03-17T08:00:00Z")),
            new Entry("nyc", Instant.parse("2025-03-10T13:00:00Z")),
            new Entry("nyc", Instant.parse("2025-03-17T13:00:00Z")));
    DryRunResult r = result[0];
    assertThat(r.profiles()).as("replayed by their firings alone").isEqualTo(2);
    assertThat(r.events()).as("both events are before the range").isZero();
    assertThat(r.scheduleFirings()).isEqualTo(4);
    assertThat(r.profilesEntered()).isEqualTo(2);
    assertThat(r.entries()).isEqualTo(4);
    assertThat(r.step("digest-email").sent()).isEqualTo(4);
    assertThat(r.completed()).isEqualTo(4);
  }

  @Test
  void theEntryRulesDecideEachFiringAsLive() {
    DryRunResult once = run(mondayDigest(EntryRules.ONCE, ONE_EMAIL), berlinAndNewYork());
    assertThat(once.entries()).isEqualTo(2);
    assertThat(once.notEntered()).containsEntry("no-reentry", 2L);

    DryRunResult gap =
        run(
            mondayDigest(
                new EntryRules(true, Optional.of(Duration.ofDays(8)), List.of()), ONE_EMAIL),
            berlinAndNewYork());
    assertThat(gap.entries()).isEqualTo(2);
    assertThat(gap.notEntered()).containsEntry("minimum-gap", 2L);

    List<Step> waitFifteenDays =
        List.of(
            SampleFlows.send("digest-email", "digest", "wait"),
            new Wait("wait", new Wait.Until.Elapsed(Duration.ofDays(15)), Optional.empty()));
    DryRunResult inside = run(mondayDigest(REENTRY, waitFifteenDays), berlinAndNewYork());
    assertThat(inside.entries()).isEqualTo(2);
    assertThat(inside.notEntered())
        .as("the second Monday finds them still waiting")
        .containsEntry("already-inside", 2L);
    assertThat(inside.waiting()).as("the wait ends after the range").isEqualTo(2);
  }

  @Test
  void firingsInterleaveWithEventsAndTimersInTimeOrder() {
    List<Step> steps =
        List.of(
            SampleFlows.send("digest-email", "digest", "wait"),
            new Wait("wait", new Wait.Until.Elapsed(Duration.ofDays(2)), Optional.of("reminder")),
            SampleFlows.send("reminder", "reminder", null),
            new Goal("read", Optional.of(EventMatch.named("Digest Read"))));
    Tables tables = Tables.of();
    person(tables, "ber", "Europe/Berlin");
    // Read on the first Monday after the 08:00 UTC firing: converted before the reminder.
    tables.event("ber", Instant.parse("2025-03-10T10:00:00Z"), "Digest Read");
    // Read at 07:00 UTC on the second Monday, before that week's firing: nothing to convert.
    tables.event("ber", Instant.parse("2025-03-17T07:00:00Z"), "Digest Read");

    DryRunResult r = run(mondayDigest(REENTRY, steps), tables.build());

    assertThat(r.entries()).isEqualTo(2);
    assertThat(r.events()).isEqualTo(2);
    assertThat(r.converted()).as("the first week").isEqualTo(1);
    assertThat(r.step("reminder").sent()).as("the second week, two days on").isEqualTo(1);
    assertThat(r.timersFired()).isEqualTo(1);
    assertThat(r.completed()).isEqualTo(1);
  }

  @Test
  void aProfileGetsNoFiringBeforeItsFirstStoredEvent() {
    Tables tables = Tables.of();
    // First seen on the first Monday at 09:00 Berlin time exactly: that firing is not its own.
    tables
        .profile("new", Map.of("email", "new@example.com", "timezone", "Europe/Berlin"))
        .event("new", Instant.parse("2025-03-10T08:00:00Z"), "Signed Up");
    tables.profile("later").event("later", Instant.parse("2025-03-30T00:00:00Z"), "Signed Up");
    DryRunResult[] result = new DryRunResult[1];

    List<Entry> entries = entries(mondayDigest(REENTRY, ONE_EMAIL), tables.build(), result);

    assertThat(entries).containsExactly(new Entry("new", Instant.parse("2025-03-17T08:00:00Z")));
    assertThat(result[0].profiles()).as("'later' is first seen after the range").isEqualTo(1);
  }

  @Test
  void scheduleTriggersCanBeDryRun() {
    assertThat(DryRun.problems(mondayDigest(REENTRY, ONE_EMAIL))).isEmpty();
  }

  static DryRunResult run(Flow flow, EventTable table) {
    return new DryRun(flow, MessagePolicy.PERMISSIVE, 42, ZoneOffset.UTC).run(table, TWO_WEEKS);
  }
}
