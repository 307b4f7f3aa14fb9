package trailmap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import trailmap.ingest.IngestLimits;
import trailmap.profiles.IdentityRules;

class ServerConfigTest {
  @TempDir Path dir;

  Path file(String yaml) throws Exception {
    return Files.writeString(dir.resolve("trailmap.yaml"), yaml);
  }

  @Test
  void defaultsToLocalhost7070TrailmapDataAndOneMegabyte() {
    ServerConfig config = ServerConfig.defaults();
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(7070);
    assertThat(config.dataDir()).isEqualTo(Path.of("trailmap-data"));
    assertThat(config.maxMapBytes()).isEqualTo(1_048_576);
  }

  @Test
  void readsEveryKeyFromYaml() throws Exception {
    ServerConfig config =
        ServerConfig.read(
            file("host: 0.0.0.0\nport: 8080\ndata: /var/lib/trailmap\nmaxMapBytes: 2MB\n"));
    assertThat(config)
        .isEqualTo(new ServerConfig("0.0.0.0", 8080, Path.of("/var/lib/trailmap"), 2 * 1_048_576));
    assertThat(ServerConfig.read(file("maxMapBytes: 512KB")).maxMapBytes()).isEqualTo(524_288);
    assertThat(ServerConfig.read(file("maxMapBytes: 4096")).maxMapBytes()).isEqualTo(4096);
    assertThat(ServerConfig.read(file("")).port()).isEqualTo(7070);
  }

  @Test
  void readsTheIdentityRulesOfProfiles() throws Exception {
    assertThat(ServerConfig.defaults().identity()).isEqualTo(IdentityRules.defaults());

    IdentityRules rules =
        ServerConfig.read(file("maxIdentitiesPerProfile: 200\ntrustedSources: [src_crm, src_app]"))
            .identity();

    assertThat(rules.maxIdentitiesPerProfile()).isEqualTo(200);
    assertThat(rules.trusts("src_crm")).isTrue();
    assertThat(rules.trusts("src_web")).isFalse();
  }

  @Test
  void refusesIdentityRulesOutsideTheirRange() throws Exception {
    Path tooFew = file("maxIdentitiesPerProfile: 3");
    assertThatThrownBy(() -> ServerConfig.read(tooFew))
        .hasMessageContaining(tooFew + ": maxIdentitiesPerProfile: ")
        .hasMessageContaining("must be between 6 and 100000, was 3");

    Path notAList = file("trustedSources: src_crm");
    assertThatThrownBy(() -> ServerConfig.read(notAList))
        .hasMessageContaining(notAList + ": trustedSources: must be a list of source ids");
  }

  @Test
  void readsTheIngestLimitsAndChecksThemTogether() throws Exception {
    assertThat(ServerConfig.defaults().ingest()).isEqualTo(IngestLimits.SEGMENT);
    assertThat(
            ServerConfig.read(file("maxBatchEvents: 10000\nmaxBatchBytes: 4MB\nmaxEventBytes: 1MB"))
                .ingest())
        .isEqualTo(new IngestLimits(1_048_576, 4 * 1_048_576, 10_000));
    Path inverted = file("maxEventBytes: 600KB");
    assertThatThrownBy(() -> ServerConfig.read(inverted))
        .hasMessage(inverted + ": maxBatchBytes (512000) must be at least maxEventBytes (614400)");
    assertThatThrownBy(() -> ServerConfig.read(file("maxBatchEvents: 0")))
        .hasMessageContaining("maxBatchEvents must be between 1 and 1000000, was 0");
  }

  @Test
  void readsTheMessagingRulesEveryFlowObeys() throws Exception {
    ServerConfig config =
        ServerConfig.read(
            file(
                """
                messaging:
                  frequencyCaps:
                    - {max: 3, per: week}
                    - {channel: sms, max: 1, per: day}
                  quietHours: {start: "21:00", end: "08:00"}
                  optIn: [sms]
                  globalHoldout: 0.05
                  providers: {sms: "https://sms.example.com/send"}
                """));

    var policy = config.messaging().policy();
    assertThat(policy.caps())
        .containsExactly(
            trailmap.flows.policy.FrequencyCap.global(3, trailmap.flows.policy.CapWindow.WEEK),
            trailmap.flows.policy.FrequencyCap.on("sms", 1, trailmap.flows.policy.CapWindow.DAY));
    assertThat(policy.quietHours()).isPresent();
    assertThat(policy.optInChannels()).containsExactly("sms");
    assertThat(policy.globalHoldout()).isEqualTo(0.05);
    assertThat(config.messaging().providers().get("sms"))
        .hasToString("https://sms.example.com/send");
    assertThat(ServerConfig.read(file("port: 8080")).messaging().policy().caps()).isEmpty();
  }

  @Test
  void refusesMessagingRulesThatCannotHold() throws Exception {
    assertThatThrownBy(
            () ->
                ServerConfig.read(file("messaging:\n  frequencyCaps: [{max: 3, per: fortnight}]")))
        .hasMessageContaining("messaging")
        .hasMessageContaining("day, week or month, was 'fortnight'");
    assertThatThrownBy(() -> ServerConfig.read(file("messaging:\n  quietHours: {start: 9pm}")))
        .hasMessageContaining("HH:MM");
    assertThatThrownBy(() -> ServerConfig.read(file("messaging:\n  globalHoldout: 0.9")))
        .hasMessageContaining("between 0 and 0.5");
    assertThatThrownBy(() -> ServerConfig.read(file("messaging:\n  caps: []")))
        .hasMessageContaining("unknown key 'caps'");
  }

  @Test
  void readsDeliveryRetriesAndDefaultsToEightAttemptsThirtySecondsApart() throws Exception {
    var retries =
        ServerConfig.read(file("messaging:\n  retries: {attempts: 3, backoff: 2m}"))
            .messaging()
            .retries();
    assertThat(retries.attempts()).isEqualTo(3);
    assertThat(retries.backoff()).isEqualTo(Duration.ofMinutes(2));
    assertThat(
            ServerConfig.read(file("messaging:\n  retries: {backoff: 45s}")).messaging().retries())
        .isEqualTo(new trailmap.flows.runtime.DeliveryRetries(8, Duration.ofSeconds(45)));
    assertThat(
            ServerConfig.read(file("messaging:\n  retries: {attempts: 100, backoff: 6h}"))
                .messaging()
                .retries())
        .isEqualTo(new trailmap.flows.runtime.DeliveryRetries(100, Duration.ofHours(6)));
    assertThat(ServerConfig.read(file("port: 8080")).messaging().retries())
        .isEqualTo(new trailmap.flows.runtime.DeliveryRetries(8, Duration.ofSeconds(30)));
  }

  @Test
  void readsHowLongMessageBodiesAreKeptAndRefusesWhatIsOutOfRange() throws Exception {
    assertThat(ServerConfig.read(file("port: 8080")).messaging().bodyRetention())
        .isEqualTo(Duration.ofDays(30));
    assertThat(
            ServerConfig.read(file("messaging:\n  bodyRetention: 72h")).messaging().bodyRetention())
        .isEqualTo(Duration.ofHours(72));
    for (String bad : java.util.List.of("0d", "30m", "3651d", "30", "forever", "[30d]")) {
      Path config = file("messaging:\n  bodyRetention: " + bad + "\n");
      assertThatThrownBy(() -> ServerConfig.read(config))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(config + ": messaging: bodyRetention must be a duration from 1h")
          .hasMessageContaining("was '");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{attempts: 0}|messaging: retries.attempts must be a whole number from 1 to 100 (tries in"
            + " all before a message is dead), was '0'",
        "{attempts: 101}|retries.attempts must be a whole number from 1 to 100",
        "{attempts: two}|retries.attempts must be a whole number from 1 to 100",
        "{attempts: 2.5}|retries.attempts must be a whole number from 1 to 100",
        "{backoff: 0s}|messaging: retries.backoff must be more than 0s and at most 6h",
        "{backoff: 7h}|retries.backoff must be more than 0s and at most 6h (the wait after the"
            + " first failed attempt, doubled after each further one), was '7h'",
        "{backoff: 1d}|retries.backoff must be more than 0s and at most 6h",
        "{backoff: 30}|retries.backoff must be a duration such as 30s, 5m or 1h, was '30'",
        "{backoff: soon}|retries.backoff must be a duration such as 30s, 5m or 1h, was 'soon'",
        "{tries: 3}|unknown key 'tries' in messaging.retries (known keys: attempts, backoff)",
        "8|messaging: retries must be a mapping of attempts and backoff, e.g. {attempts: 8,"
            + " backoff: 30s}",
      })
  void refusesRetriesOutOfRangeNamingTheKey(String retries, String message) throws Exception {
    Path config = file("messaging:\n  retries: " + retries + "\n");
    assertThatThrownBy(() -> ServerConfig.read(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(config + ": messaging: ")
        .hasMessageContaining(message);
  }

  @Test
  void namesTheFileAndKeyOfEveryMistake() throws Exception {
    Path typo = file("prot: 8080\n");
    assertThatThrownBy(() -> ServerConfig.read(typo))
        .hasMessage(
            typo
                + ": prot: unknown key (known keys: host, port, data, maxMapBytes,"
                + " maxEventBytes, maxBatchBytes, maxBatchEvents, maxIdentitiesPerProfile,"
                + " trustedSources, dedupWindow, smtp, publicUrl, messaging)");
    assertThatThrownBy(() -> ServerConfig.read(file("port: 99999")))
        .hasMessageContaining("port: port must be between 0 and 65535, was 99999");
    assertThatThrownBy(() -> ServerConfig.read(file("port: eighty")))
        .hasMessageContaining("port: must be a whole number");
    assertThatThrownBy(() -> ServerConfig.read(file("maxMapBytes: lots")))
        .hasMessageContaining("must be a size such as 1048576, 512KB or 2MB, was 'lots'");
    assertThatThrownBy(() -> ServerConfig.read(file("maxMapBytes: 10")))
        .hasMessageContaining("between 1KB and 64MB, was 10 bytes");
    assertThatThrownBy(() -> ServerConfig.read(file("port: [1")))
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> ServerConfig.read(dir.resolve("missing.yaml")))
        .hasMessageContaining("cannot read config file");
  }

  @Test
  void readsTheDedupWindowInMinutesHoursOrDays() throws Exception {
    assertThat(ServerConfig.defaults().dedupWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(ServerConfig.read(file("dedupWindow: 14d")).dedupWindow())
        .isEqualTo(Duration.ofDays(14));
    assertThat(ServerConfig.read(file("dedupWindow: 36h")).dedupWindow())
        .isEqualTo(Duration.ofHours(36));
    assertThat(ServerConfig.read(file("dedupWindow: 90m")).dedupWindow())
        .isEqualTo(Duration.ofMinutes(90));
    assertThat(ServerConfig.read(file("port: 1")).dedupWindow()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void refusesAMalformedTooShortOrTooLongDedupWindowSayingWhatIsAllowed() throws Exception {
    Path twoWeeks = file("dedupWindow: two weeks");
    assertThatThrownBy(() -> ServerConfig.read(twoWeeks))
        .hasMessage(
            twoWeeks
                + ": dedupWindow: must be a whole number and a unit (s, m, h, d or w) such as 90m,"
                + " 36h or 14d, was 'two weeks'");
    assertThatThrownBy(() -> ServerConfig.read(file("dedupWindow: 14")))
        .hasMessageContaining("such as 90m, 36h or 14d, was '14'");
    assertThatThrownBy(() -> ServerConfig.read(file("dedupWindow: 1.5d")))
        .hasMessageContaining("was '1.5d'");
    Path tooShort = file("dedupWindow: 30m");
    assertThatThrownBy(() -> ServerConfig.read(tooShort))
        .hasMessage(
            tooShort
                + ": dedupWindow: dedupWindow must be between 1h and 365d (client retries and"
                + " re-imports within it are stored once), was 30m");
    assertThatThrownBy(() -> ServerConfig.read(file("dedupWindow: 0d")))
        .hasMessageContaining("must be between 1h and 365d")
        .hasMessageContaining("was 0s");
    assertThatThrownBy(() -> ServerConfig.read(file("dedupWindow: 400d")))
        .hasMessageContaining("was 400d");
    assertThatThrownBy(() -> ServerConfig.defaults().withDedupWindow(Duration.ofSeconds(59)))
        .hasMessageContaining("was 59s");
  }
}
