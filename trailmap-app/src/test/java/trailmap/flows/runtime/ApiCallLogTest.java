package trailmap.flows.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.flows.dryrun.TriggerHistory.Firing;

/** The dry runs' log of API triggers in flows.db: read by flow and time, pruned after 400 days. */
class ApiCallLogTest {
  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  @TempDir Path dir;
  final SettableClock clock = new SettableClock(T0);

  @Test
  void logsEachCallAndReadsAFlowsCallsInAHalfOpenRange() {
    try (FlowStore flows = FlowStore.open(dir, clock)) {
      flows.requestApiCall("receipt", "p-ann");
      clock.advance(Duration.ofHours(1));
      flows.requestApiCall("other", "p-ann");
      flows.requestApiCall("receipt", "p-bob");

      assertThat(flows.apiCallLog("receipt", Optional.empty(), Optional.empty()))
          .containsExactly(
              new Firing("p-ann", T0), new Firing("p-bob", T0.plus(Duration.ofHours(1))));
      assertThat(flows.apiCallLog("receipt", Optional.of(T0.plusNanos(1)), Optional.empty()))
          .containsExactly(new Firing("p-bob", T0.plus(Duration.ofHours(1))));
      assertThat(
              flows.apiCallLog(
                  "receipt", Optional.empty(), Optional.of(T0.plus(Duration.ofHours(1)))))
          .as("'to' is exclusive")
          .containsExactly(new Firing("p-ann", T0));
      assertThat(flows.apiCallLog("receipt", Optional.empty(), Optional.of(T0.plusNanos(1))))
          .as("a bound finer than a millisecond")
          .containsExactly(new Firing("p-ann", T0));
    }
  }

  @Test
  void aCallPrunesTheLoggedCallsOlderThan400Days() {
    try (FlowStore flows = FlowStore.open(dir, clock)) {
      flows.requestApiCall("receipt", "p-old");
      clock.advance(Duration.ofDays(1));
      flows.requestApiCall("receipt", "p-kept");
      clock.set(T0.plus(FlowStore.API_CALL_HISTORY).plusMillis(1));

      flows.requestApiCall("receipt", "p-new");

      assertThat(flows.apiCallLog("receipt", Optional.empty(), Optional.empty()))
          .extracting(Firing::profileId)
          .containsExactly("p-kept", "p-new");
      assertThat(FlowStore.API_CALL_HISTORY).isEqualTo(Duration.ofDays(400));
    }
  }

  @Test
  void theLogIsReadAndPrunedThroughItsIndexes() {
    try (FlowStore flows = FlowStore.open(dir, clock)) {
      assertThat(
              plan(
                  flows,
                  "SELECT id FROM api_call_log WHERE requested_at < 1 ORDER BY requested_at"
                      + " LIMIT 100"))
          .contains("api_call_log_by_time");
      assertThat(
              plan(
                  flows,
                  "SELECT profile_id, requested_at FROM api_call_log WHERE flow_id = 'x'"
                      + " AND requested_at >= 0 AND requested_at < 9 ORDER BY requested_at, id"))
          .contains("api_call_log_by_flow");
    }
  }

  private static String plan(FlowStore flows, String sql) {
    List<String> rows =
        flows.db().read(c -> Sql.list(c, "EXPLAIN QUERY PLAN " + sql, r -> r.getString(4)));
    return String.join("; ", rows);
  }
}
