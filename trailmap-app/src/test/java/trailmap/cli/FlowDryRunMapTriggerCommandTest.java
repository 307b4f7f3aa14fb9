package trailmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.flows.dryrun.ShopFixture;
import trailmap.maps.format.MapReader;
import trailmap.store.Database;
import trailmap.store.MapStore;

/**
 * {@code trailmap flow dry-run} of touchpoint and stage triggers, against the latest map stored in
 * the data directory; the events come in through {@code trailmap import}.
 */
class FlowDryRunMapTriggerCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path data;

  @BeforeAll
  static void importEventsAndStoreTheMap() throws Exception {
    data = dir.resolve("data");
    Path events = Files.write(dir.resolve("shop.jsonl"), ShopFixture.calls());
    CliRun imported = CliRun.of("import", events.toString(), "--data", data.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    try (Database db = Database.open(data)) {
      MapStore maps = new MapStore(db, Clock.systemUTC());
      String older = ShopFixture.MAP.replace("event: Checkout", "event: Order Placed");
      maps.create(MapReader.read("shop.yaml", older).map().orElseThrow(), older, "test");
      maps.update(
          MapReader.read("shop.yaml", ShopFixture.MAP).map().orElseThrow(),
          ShopFixture.MAP,
          "test");
    }
  }

  static Path flow(String name, String trigger) throws Exception {
    return Files.writeString(dir.resolve(name + ".yaml"), ShopFixture.flow(name, trigger));
  }

  static JsonNode dryRun(Path flow) throws Exception {
    CliRun run = CliRun.of("flow", "dry-run", flow.toString(), "--data", data.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  @Test
  void aTouchpointTriggerEntersOnEventsThatSatisfyItsMatcher() throws Exception {
    JsonNode answer = dryRun(flow("on-pricing", "touchpoint: pricing"));

    assertThat(answer.at("/profiles/replayed").asInt()).isEqualTo(4);
    assertThat(answer.at("/profiles/entered").asInt()).as("ann, on plan pro").isEqualTo(1);
    assertThat(answer.at("/notEntered/no-reentry").asInt()).isEqualTo(1);
    assertThat(answer.at("/steps/0/sent").asInt()).isEqualTo(1);
  }

  @Test
  void aStageTriggerEntersThroughAnyOfItsTouchpointsOfTheLatestMapVersion() throws Exception {
    assertThat(dryRun(flow("on-consider", "stage: consider")).at("/profiles/entered").asInt())
        .as("ann by pricing, cyd by compare")
        .isEqualTo(2);
    assertThat(dryRun(flow("on-buy", "stage: buy")).at("/profiles/entered").asInt())
        .as("version 2 matches Checkout, version 1 matched Order Placed")
        .isEqualTo(1);
  }

  @Test
  void aTriggerOnAMapTheDataDirectoryLacksIsOneLineAndExitCode1() throws Exception {
    Path flow =
        Files.writeString(
            dir.resolve("elsewhere.yaml"),
            ShopFixture.flow("elsewhere", "touchpoint: pricing").replace("map: shop", "map: bank"));

    CliRun run = CliRun.of("flow", "dry-run", flow.toString(), "--data", data.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err())
        .isEqualTo(
            "trailmap: flow 'elsewhere' starts on touchpoint 'pricing' of map 'bank', but there"
                + " is no map 'bank' to replay it against; store the map first or fix the flow's"
                + " trigger"
                + System.lineSeparator());
  }
}
