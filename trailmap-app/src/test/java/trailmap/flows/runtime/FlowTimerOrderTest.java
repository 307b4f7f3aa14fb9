package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.profiles.ProfileId;

/**
 * Wake-ups due at the same moment come in the order of the profiles' numbers, not of their ids: a
 * batch of them then writes neighbouring rows of the trees keyed by the number. Ordered by id (a
 * hash), a batch of 500 due at one moment wrote about a page per timer in each tree
 * (trailmap-bench/README.md, session 10).
 */
class FlowTimerOrderTest {
  @TempDir Path dir;

  @Test
  void wakeUpsDueTogetherComeInProfileNumberOrderEarliestFirst() {
    try (FlowStore store =
        FlowStore.open(dir, new SettableClock(Instant.parse("2026-03-02T10:00:00Z")))) {
      // Numbered in this order; their ids sort the other way round.
      List<String> ids = List.of("p_f", "p_d", "p_b", "p_e", "p_c", "p_a");
      store
          .db()
          .transaction(
              c -> {
                Sql.update(
                    c,
                    "INSERT INTO flows (id, name, status, current_version, created_at, updated_at)"
                        + " VALUES ('welcome', 'Welcome', 'PUBLISHED', 1, 0, 0)");
                for (String id : ids) {
                  // p_a wakes earlier than the others, which share one moment.
                  long due = id.equals("p_a") ? 100 : 500;
                  FlowStates.save(
                      c,
                      FlowSchemaUpgradeTest.waitingUntil(id, Instant.ofEpochMilli(due)),
                      due,
                      null);
                }
                return null;
              });

      List<FlowStates.Due> due = store.db().read(c -> FlowStates.due(c, 1_000, 10));

      assertThat(due)
          .extracting(d -> d.profile().value())
          .containsExactly("p_a", "p_f", "p_d", "p_b", "p_e", "p_c");
      assertThat(due)
          .extracting(FlowStates.Due::dueMillis)
          .containsExactly(100L, 500L, 500L, 500L, 500L, 500L);
      List<FlowStates.Due> early = store.db().read(c -> FlowStates.due(c, 499, 10));
      assertThat(early).containsExactly(new FlowStates.Due("welcome", new ProfileId("p_a"), 100));
      List<FlowStates.Due> firstTwo = store.db().read(c -> FlowStates.due(c, 1_000, 2));
      assertThat(firstTwo).extracting(d -> d.profile().value()).containsExactly("p_a", "p_f");
    }
  }

  @Test
  void theDueTimersAreReadInOrderFromTheIndexWithoutASort() {
    try (FlowStore store =
        FlowStore.open(dir, new SettableClock(Instant.parse("2026-03-02T10:00:00Z")))) {
      List<String> plan =
          FlowStatsQueryPlanTest.plan(store, FlowStates.dueQuery("flow_state"), 1_000, 10);

      assertThat(plan).anyMatch(step -> step.contains("USING COVERING INDEX flow_state_by_due"));
      assertThat(plan).noneMatch(step -> step.contains("TEMP B-TREE"));
    }
  }
}
