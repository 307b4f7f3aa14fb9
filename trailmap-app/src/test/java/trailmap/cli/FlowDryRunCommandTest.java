package trailmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.analytics.EventTable;
import trailmap.analytics.store.EventTables;
import trailmap.analytics.store.LoadOptions;

/** {@code trailmap flow dry-run} on 2,000 generated profiles with the example welcome flow. */
class FlowDryRunCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WELCOME = "../examples/flows/welcome.yaml";
  static final Instant FROM = Instant.parse("2025-12-15T00:00:00Z");
  static final Instant TO = Instant.parse("2026-02-15T00:00:00Z");

  @TempDir static Path dir;
  static Path data;
  static long trials;
  static long trialsInLastTwoDays;

  @BeforeAll
  static void generate() {
    data = dir.resolve("data");
    CliRun generated = CliRun.of("generate", "--profiles", "2000", "--data", data.toString());
    assertThat(generated.exitCode()).as(generated.err()).isZero();
    EventTable table = EventTables.load(data, LoadOptions.all()).table();
    int trialName = table.names().lookup("Trial Started");
    for (int p = 0; p < table.profiles(); p++) {
      for (int e = table.profileStart(p); e < table.profileEnd(p); e++) {
        Instant at = Instant.ofEpochSecond(0, table.micros(e) * 1_000);
        if (table.name(e) == trialName && !at.isBefore(FROM) && at.isBefore(TO)) {
          trials++;
          if (!at.plus(Duration.ofDays(2)).isBefore(TO)) {
            trialsInLastTwoDays++;
          }
          break;
        }
      }
    }
    assertThat(trials).as("saas profiles start trials in the range").isGreaterThan(100);
  }

  static JsonNode dryRun(String... extra) throws Exception {
    String[] args = new String[5 + extra.length];
    args[0] = "flow";
    args[1] = "dry-run";
    args[2] = WELCOME;
    args[3] = "--data";
    args[4] = data.toString();
    System.arraycopy(extra, 0, args, 5, extra.length);
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  @Test
  void theWelcomeFlowEntersEveryTrialInTheRangeAndFollowsTheData() throws Exception {
    JsonNode answer = dryRun("--from", FROM.toString(), "--to", TO.toString(), "--json");

    assertThat(answer.at("/profiles/entered").asLong()).isEqualTo(trials);
    assertThat(answer.path("entries").asLong()).isEqualTo(trials);
    JsonNode steps = answer.path("steps");
    assertThat(steps.get(0).path("id").asText()).isEqualTo("welcome-email");
    assertThat(steps.get(0).path("sent").asLong())
        .as("every trial has an email trait")
        .isEqualTo(trials);
    assertThat(answer.at("/outcomes/waiting").asLong()).isEqualTo(trialsInLastTwoDays);
    assertThat(steps.get(1).path("waiting").asLong()).isEqualTo(trialsInLastTwoDays);
    long completed = trials - trialsInLastTwoDays;
    assertThat(answer.at("/outcomes/completed").asLong()).isEqualTo(completed);
    assertThat(steps.get(3).path("id").asText()).isEqualTo("tips-email");
    assertThat(steps.get(3).path("sent").asLong())
        .as("the generator emits no Onboarding Completed, so every finished wait gets the tips")
        .isEqualTo(completed);
    assertThat(answer.at("/outcomes/converted").asLong()).isZero();
    assertThat(answer.path("warnings").toString())
        .contains("no event named 'Subscribed'")
        .contains("no event named 'Onboarding Completed'");
    assertThat(answer.at("/counted/sent").asText()).startsWith("nothing");
    assertThat(answer.at("/counted/from").asText()).isEqualTo(FROM.toString());
    assertThat(answer.at("/counted/timersFired").asLong()).isEqualTo(completed);
    assertThat(answer.at("/holdout/treatment/entries").asLong()).isEqualTo(trials);
  }

  @Test
  void withoutARangeTheWholeDataIsReplayedAndPrintedAsATable() {
    CliRun run = CliRun.of("flow", "dry-run", WELCOME, "--data", data.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("dry run of flow 'welcome' v1")
        .contains("nothing sent")
        .contains("welcome-email")
        .contains("tips-email")
        .contains("outcomes: converted 0")
        .contains("warning: no event named 'Subscribed'");
  }

  @Test
  void anInvalidFlowIsOneLineAndExitCode1() throws Exception {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "id: x\nname: X\ntrigger: {event: A}\nsteps: []\ncolour: red\n");

    CliRun run = CliRun.of("flow", "dry-run", broken.toString(), "--data", data.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).startsWith("trailmap: " + broken);
  }

  @Test
  void aWrongRangeIsExitCode1() {
    CliRun reversed =
        CliRun.of(
            "flow",
            "dry-run",
            WELCOME,
            "--data",
            data.toString(),
            "--from",
            TO.toString(),
            "--to",
            FROM.toString());
    CliRun garbled =
        CliRun.of("flow", "dry-run", WELCOME, "--data", data.toString(), "--from", "yesterday");

    assertThat(reversed.exitCode()).isEqualTo(1);
    assertThat(reversed.err()).contains("the time range is empty");
    assertThat(garbled.exitCode()).isEqualTo(1);
    assertThat(garbled.err()).contains("--from 'yesterday' is not an ISO 8601 instant");
    CliRun early =
        CliRun.of(
            "flow",
            "dry-run",
            WELCOME,
            "--data",
            data.toString(),
            "--from",
            "1900-01-01T00:00:00Z");
    assertThat(early.exitCode()).isEqualTo(1);
    assertThat(early.err()).contains("--from '1900-01-01T00:00:00Z' is outside the years");
  }

  @Test
  void aMissingDataDirectoryOrFlowFileIsExitCode2() {
    CliRun noData =
        CliRun.of("flow", "dry-run", WELCOME, "--data", dir.resolve("nothing").toString());
    CliRun noFile = CliRun.of("flow", "dry-run", "missing.yaml", "--data", data.toString());

    assertThat(noData.exitCode()).isEqualTo(2);
    assertThat(noData.err()).contains("no such data directory");
    assertThat(noFile.exitCode()).isEqualTo(2);
    assertThat(noFile.err()).contains("missing.yaml: no such file");
  }

  @Test
  void withTheServersConfigTheSimulatedSendsObeyItsMessagingRulesAndSaySo() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("opt-in.yaml"),
            """
            messaging:
              optIn: [email]
              frequencyCaps: [{max: 3, per: week}]
              globalHoldout: 0.05
            """);

    JsonNode answer =
        dryRun(
            "--config",
            config.toString(),
            "--from",
            FROM.toString(),
            "--to",
            TO.toString(),
            "--json");

    JsonNode welcome = answer.path("steps").get(0);
    long heldOut = welcome.at("/suppressedBy/global-holdout").asLong();
    assertThat(heldOut).as("about 5%% of %d trials", trials).isBetween(trials / 50, trials / 10);
    assertThat(welcome.path("sent").asLong())
        .as("no profile subscribed to the opt-in channel email")
        .isZero();
    assertThat(welcome.at("/suppressedBy/consent").asLong()).isEqualTo(trials - heldOut);
    JsonNode policy = answer.at("/counted/policy");
    assertThat(policy.path("from").asText()).isEqualTo("the server's messaging rules in " + config);
    assertThat(policy.path("caps").toString()).isEqualTo("[\"all channels 3/week\"]");
    assertThat(policy.path("optIn").toString()).isEqualTo("[\"email\"]");
    assertThat(policy.path("globalHoldout").asDouble()).isEqualTo(0.05);
    assertThat(answer.at("/counted/rules").toString()).contains("opt-in channels (email)");

    JsonNode flowOnly = dryRun("--from", FROM.toString(), "--to", TO.toString(), "--json");
    assertThat(flowOnly.at("/steps/0/sent").asLong()).isEqualTo(trials);
    assertThat(flowOnly.at("/counted/policy/from").asText())
        .startsWith("the flow's own rules only");
  }

  @Test
  void theTableSaysWhichMessagingRulesApplied() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("caps.yaml"),
            """
            messaging:
              frequencyCaps: [{channel: email, max: 1, per: month}]
              quietHours: {start: "21:00", end: "08:00"}
            """);

    CliRun withConfig =
        CliRun.of(
            "flow", "dry-run", WELCOME, "--data", data.toString(), "--config", config.toString());
    CliRun without = CliRun.of("flow", "dry-run", WELCOME, "--data", data.toString());

    assertThat(withConfig.exitCode()).as(withConfig.err()).isZero();
    assertThat(withConfig.out().lines())
        .contains(
            "messaging rules: the server's messaging rules in "
                + config
                + " (caps email 1/month; quiet hours 21:00-08:00)");
    assertThat(without.out().lines())
        .contains(
            "messaging rules: the flow's own rules only: no server messaging rules were given (no"
                + " caps, quiet hours, opt-in channels or global holdout beyond the flow's)");
  }

  @Test
  void theConfigsDataDirectoryIsUsedWithoutDataAndABadConfigIsOneLineAndExitCode2()
      throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("with-data.yaml"),
            "data: " + data.toAbsolutePath() + "\nmessaging:\n  optIn: [email]\n");
    Path broken =
        Files.writeString(dir.resolve("broken.yaml"), "messaging:\n  quietHours: {start: 9pm}\n");

    CliRun run = CliRun.of("flow", "dry-run", WELCOME, "--config", config.toString(), "--json");
    CliRun bad =
        CliRun.of(
            "flow", "dry-run", WELCOME, "--data", data.toString(), "--config", broken.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out()).at("/counted/policy/optIn/0").asText()).isEqualTo("email");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().strip().lines()).hasSize(1);
    assertThat(bad.err())
        .startsWith("trailmap: " + broken + ": messaging: quietHours must be")
        .contains("HH:MM");
  }
}
