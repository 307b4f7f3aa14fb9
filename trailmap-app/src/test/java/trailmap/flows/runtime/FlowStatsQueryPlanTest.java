package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics' distinct counts over a flow's timeline read the index alone: with a table row per
 * line they took 10 s for a flow of 1M entries (trailmap-bench/README.md, session 9).
 */
class FlowStatsQueryPlanTest {
  @TempDir Path dir;

  static List<String> plan(FlowStore store, String sql, Object... args) {
    return store
        .db()
        .read(c -> Sql.list(c, "EXPLAIN QUERY PLAN " + sql, r -> r.getString(4), args));
  }

  @Test
  void entriesAndConversionsAreCountedFromTheCoveringIndex() {
    try (FlowStore store =
        FlowStore.open(dir, new SettableClock(Instant.parse("2026-03-02T10:00:00Z")))) {
      assertThat(plan(store, FlowStatsQuery.ENTERED, "welcome"))
          .anyMatch(step -> step.contains("USING COVERING INDEX activity_entered"));
      assertThat(plan(store, FlowStatsQuery.ENDED, "welcome"))
          .anyMatch(step -> step.contains("USING COVERING INDEX activity_left"));
      List<String> converted = plan(store, FlowStatsQuery.CONVERTED, "welcome");
      // "SCAN l" walks the converted profiles the subquery found; no table is scanned.
      assertThat(converted).noneMatch(step -> step.startsWith("SCAN activity"));
      assertThat(converted.stream().filter(s -> s.contains("SEARCH")))
          .hasSize(3)
          .allMatch(
              step ->
                  step.contains("USING COVERING INDEX activity_entered")
                      || step.contains("USING COVERING INDEX activity_left"));
      assertThat(converted).anyMatch(step -> step.contains("activity_left"));
    }
  }
}
