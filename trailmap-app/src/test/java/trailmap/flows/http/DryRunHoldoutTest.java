package trailmap.flows.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.flows.policy.MessagePolicy;
import trailmap.flows.runtime.SettableClock;

/** The dry-run endpoint assigns holdouts with the installation's seed, as the live runtime does. */
class DryRunHoldoutTest {
  @TempDir Path dir;
  FlowApiHarness api;

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void theDryRunHoldsOutAsManyProfilesAsTheLiveRuntimeDid() throws Exception {
    api =
        new FlowApiHarness(
            dir,
            1,
            new SettableClock(Instant.parse("2026-03-02T10:00:00Z")),
            MessagePolicy.PERMISSIVE);
    api.publish(
        """
        id: half
        name: Half held out
        holdout: 0.5
        trigger: {event: Trial Started}
        steps:
          - id: hold
            wait: 30d
        """);
    api.newTrials(IntStream.range(0, 200).mapToObj(i -> "u-" + i).toArray(String[]::new));

    long liveHeldOut =
        api.expect(200, "GET", "/api/flows/half/stats", "", "").at("/entered/heldOut").asLong();
    JsonNode dryRun = api.expect(200, "POST", "/api/flows/half/dry-run", "application/json", "{}");

    assertThat(liveHeldOut).isBetween(60L, 140L);
    assertThat(dryRun.at("/entries").asLong()).isEqualTo(200);
    assertThat(dryRun.at("/holdout/holdout/entries").asLong()).isEqualTo(liveHeldOut);
    assertThat(dryRun.at("/counted/seed").asLong())
        .isEqualTo(api.server.flows().assignmentSeed())
        .isNotZero();
  }
}
