package trailmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.analytics.EventTable;
import trailmap.analytics.store.EventTables;
import trailmap.analytics.store.LoadOptions;
import trailmap.flows.dryrun.ShopFixture;
import trailmap.flows.runtime.FlowStore;
import trailmap.flows.runtime.SettableClock;
import trailmap.profiles.ProfileId;
import trailmap.segments.store.SegmentStore;

/**
 * {@code trailmap flow dry-run} of segment and api triggers on a stopped server's data directory:
 * the segment's recorded entries (segments.db) and the flow's logged calls (flows.db) are replayed.
 */
class FlowDryRunRecordedTriggersCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String VIP = "id: vip\nname: VIP\nrule:\n  traits: {plan: vip}\n";

  @TempDir static Path dir;
  static Path data;

  @BeforeAll
  static void importEventsAndRecordTriggers() {
    data = dir.resolve("data");
    Path events;
    try {
      events = Files.write(dir.resolve("shop.jsonl"), ShopFixture.calls());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    CliRun imported = CliRun.of("import", events.toString(), "--data", data.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    EventTable table = EventTables.load(data, LoadOptions.all()).table();
    List<String> ids = List.of(table.profileId(0), table.profileId(1));
    SettableClock clock = new SettableClock(ShopFixture.T0.plus(Duration.ofHours(4)));
    // Two profiles added to the segment by hand an hour apart, as a flow's addToSegment would.
    try (SegmentStore segments = SegmentStore.open(data, clock)) {
      assertThat(segments.save("vip.yaml", VIP, Optional.empty()).created()).isTrue();
      for (String id : ids) {
        assertThat(segments.setManual("vip", new ProfileId(id), true, "flow:test")).isTrue();
        clock.advance(Duration.ofHours(1));
      }
    }
    // The first profile's flow triggered twice through the API; the runtime never ran.
    try (FlowStore flows = FlowStore.open(data, clock)) {
      flows.requestApiCall("on-call", ids.get(0));
      clock.advance(Duration.ofHours(1));
      flows.requestApiCall("on-call", ids.get(0));
    }
  }

  static Path flow(String name, String trigger) throws Exception {
    return Files.writeString(
        dir.resolve(name + ".yaml"),
        ShopFixture.flow(name, "").replace("  map: shop\n", "  " + trigger + "\n"));
  }

  static CliRun dryRun(Path flow, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "flow";
    args[1] = "dry-run";
    args[2] = flow.toString();
    args[3] = "--data=" + data;
    System.arraycopy(more, 0, args, 4, more.length);
    return CliRun.of(args);
  }

  @Test
  void aSegmentFlowReplaysTheSegmentsRecordedEntries() throws Exception {
    Path onVip = flow("on-vip", "segment: vip");
    CliRun json = dryRun(onVip, "--json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode answer = JSON.readTree(json.out());

    assertThat(answer.at("/counted/segmentEntries").asInt()).isEqualTo(2);
    assertThat(answer.at("/profiles/entered").asInt()).isEqualTo(2);
    assertThat(answer.at("/steps/0/sent").asInt()).isEqualTo(2);
    assertThat(answer.at("/counted/toDefaulted").asBoolean()).isTrue();

    CliRun table = dryRun(onVip);
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).contains(", 2 segment entries); 2 entered (2 entries)");
  }

  @Test
  void anApiFlowReplaysItsLoggedCallsUnderItsEntryRules() throws Exception {
    CliRun run = dryRun(flow("on-call", "api: true"), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode answer = JSON.readTree(run.out());
    assertThat(answer.at("/counted/apiCalls").asInt()).isEqualTo(2);
    assertThat(answer.at("/profiles/entered").asInt()).isEqualTo(1);
    assertThat(answer.at("/notEntered/no-reentry").asInt()).isEqualTo(1);
  }

  @Test
  void aSegmentTheDataDirectoryLacksIsOneLineThatNamesTheSegmentsThereAndExitCode1()
      throws Exception {
    CliRun run = dryRun(flow("on-vpi", "segment: vpi"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "trailmap: flow 'on-vpi' starts when a profile joins segment 'vpi', but there is no"
                + " segment 'vpi' (the segments: vip); fix the flow's trigger or create the"
                + " segment first"
                + System.lineSeparator());
  }
}
