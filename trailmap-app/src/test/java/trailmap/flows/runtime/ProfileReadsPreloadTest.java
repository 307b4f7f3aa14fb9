package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.flows.engine.FlowState;
import trailmap.flows.engine.Run;
import trailmap.flows.policy.SentMessage;
import trailmap.profiles.ProfileId;

/**
 * A batch of timers reads its profiles' flow states, consent and send history a chunk of profiles
 * to a statement ({@link ProfileReads#preload}): it must hand out exactly what reading them one
 * profile at a time does, across chunks and for profiles flows.db holds nothing of.
 */
class ProfileReadsPreloadTest {
  @TempDir Path dir;

  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  /** More than two chunks, so the last is padded. */
  static final int PROFILES = 2 * Sql.IN_CHUNK + 37;

  @Test
  void aBatchReadsWhatOneProfileAtATimeReads() {
    try (FlowStore store = FlowStore.open(dir, new SettableClock(NOW))) {
      List<ProfileId> ids = seed(store);
      List<ProfileId> asked = new ArrayList<>(ids);
      asked.add(new ProfileId("nobody")); // no row anywhere
      asked.add(ids.get(4)); // twice: read once
      store
          .db()
          .transaction(
              c -> {
                ProfileReads batch = new ProfileReads(null, new StateCache(1000), NOW);
                batch.preload(c, asked);
                ProfileReads single = new ProfileReads(null, new StateCache(1000), NOW);
                for (ProfileId id : asked) {
                  assertThat(batch.states(c, id)).as(id.value()).isEqualTo(single.states(c, id));
                  for (String flow : List.of("welcome", "pricing")) {
                    assertThat(batch.armed(c, id, flow)).isEqualTo(single.armed(c, id, flow));
                  }
                  assertThat(batch.consent(c, id)).as(id.value()).isEqualTo(single.consent(c, id));
                  assertThat(batch.history(c, id))
                      .as(id.value())
                      .containsExactlyElementsOf(single.history(c, id));
                }
                // What the seed wrote is there: not two empty reads agreeing.
                assertThat(batch.states(c, ids.get(1))).containsOnlyKeys("welcome");
                assertThat(batch.states(c, ids.get(5))).containsOnlyKeys("welcome", "pricing");
                assertThat(batch.armed(c, ids.get(5), "pricing")).contains(5_000L);
                assertThat(batch.states(c, ids.get(3))).isEmpty();
                assertThat(batch.history(c, ids.get(8))).hasSize(1); // the older one is outside
                assertThat(batch.consent(c, ids.get(7)).unsubscribedTopics())
                    .containsExactly("tips");
                assertThat(batch.consent(c, ids.get(11)).unsubscribedChannels())
                    .containsExactly("sms");
                return null;
              });
    }
  }

  @Test
  void whatTheRoundAlreadyHoldsIsNotReadAgain() {
    try (FlowStore store = FlowStore.open(dir, new SettableClock(NOW))) {
      List<ProfileId> ids = seed(store);
      store
          .db()
          .transaction(
              c -> {
                ProfileReads reads = new ProfileReads(null, new StateCache(1000), NOW);
                // The round changed p1's states (a state it wrote, not yet re-read).
                reads.hold(ids.get(1), FlowStates.Held.none());
                reads.history(c, ids.get(8)).add(new SentMessage(NOW, "email", "pricing"));
                reads.preload(c, ids);
                assertThat(reads.states(c, ids.get(1))).isEmpty();
                assertThat(reads.history(c, ids.get(8))).hasSize(2);
                return null;
              });
    }
  }

  @Test
  void eachChunkSearchesItsProfilesRowsAndScansNoTable() {
    try (FlowStore store = FlowStore.open(dir, new SettableClock(NOW))) {
      String chunk = String.join(", ", Collections.nCopies(Sql.IN_CHUNK, "?"));
      Object[] ids = new Object[Sql.IN_CHUNK];
      Arrays.fill(ids, "p1");
      Object[] withTime = Arrays.copyOf(ids, Sql.IN_CHUNK + 1);
      withTime[Sql.IN_CHUNK] = 0L;
      for (var query :
          Map.of(
                  FlowStates.HELD_IN, ids,
                  FlowStore.CONSENT_IN, ids,
                  ProfileReads.HISTORY_IN, withTime)
              .entrySet()) {
        List<String> plan =
            FlowStatsQueryPlanTest.plan(store, query.getKey().formatted(chunk), query.getValue());
        assertThat(plan).as(query.getKey()).noneMatch(step -> step.startsWith("SCAN"));
        assertThat(plan).as(query.getKey()).anyMatch(step -> step.startsWith("SEARCH"));
      }
    }
  }

  /**
   * {@link #PROFILES} profiles: two in three wait in welcome, one in five also in pricing, one in
   * four has a recent send and an old one, one in seven left a topic and one in eleven a channel.
   */
  private static List<ProfileId> seed(FlowStore store) {
    List<ProfileId> ids = new ArrayList<>();
    for (int i = 0; i < PROFILES; i++) {
      ids.add(new ProfileId("p" + i));
    }
    store
        .db()
        .transaction(
            c -> {
              for (int i = 0; i < PROFILES; i++) {
                String id = ids.get(i).value();
                if (i % 3 != 0) {
                  long wake = i * 10L;
                  FlowStates.save(c, waiting(id, "welcome", wake), wake, null);
                }
                if (i % 5 == 0 && i % 3 != 0) {
                  FlowStates.save(c, waiting(id, "pricing", i * 1_000L), i * 1_000L, null);
                }
                if (i % 4 == 0) {
                  FlowProfiles.Numbered who = FlowProfiles.number(c, id);
                  long recent = NOW.minus(Duration.ofDays(1)).toEpochMilli();
                  long old = NOW.minus(Duration.ofDays(40)).toEpochMilli();
                  Outbox.history(c, "o" + i, who, "email", "welcome", recent);
                  Outbox.history(c, "old" + i, who, "email", "welcome", old);
                }
              }
              return null;
            });
    for (int i = 0; i < PROFILES; i++) {
      if (i % 7 == 0) {
        store.unsubscribe(ids.get(i).value(), "topic", "tips", "test");
      }
      if (i % 11 == 0) {
        store.unsubscribe(ids.get(i).value(), "channel", "sms", "test");
      }
    }
    return ids;
  }

  private static FlowState waiting(String profile, String flow, long wakeMillis) {
    Instant entered = Instant.ofEpochMilli(5);
    return new FlowState(
        new ProfileId(profile),
        flow,
        1,
        1,
        Optional.of(entered),
        Optional.of(
            new Run(
                1,
                entered,
                "wait",
                entered,
                Optional.of(Instant.ofEpochMilli(wakeMillis)),
                false,
                Map.of(),
                Map.of())),
        Optional.empty());
  }
}
