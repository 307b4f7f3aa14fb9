package trailmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.FileEventLog;

class GenerateCommandTest {
  @TempDir Path dir;

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws IOException {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    Path c = dir.resolve("c.jsonl");
    assertThat(
            CliRun.of("generate", "--profiles", "400", "--seed", "3", "-o", a.toString())
                .exitCode())
        .isZero();
    assertThat(
            CliRun.of("generate", "--profiles", "400", "--seed", "3", "-o", b.toString())
                .exitCode())
        .isZero();
    assertThat(
            CliRun.of("generate", "--profiles", "400", "--seed", "4", "-o", c.toString())
                .exitCode())
        .isZero();
    assertThat(Files.size(a)).isGreaterThan(100_000);
    assertThat(Files.mismatch(a, b)).isEqualTo(-1);
    assertThat(Files.mismatch(a, c)).isNotEqualTo(-1);
  }

  @Test
  void everyGeneratedCallImportsWithoutARejection() {
    Path file = dir.resolve("demo.jsonl.gz");
    CliRun generated =
        CliRun.of("generate", "--profiles", "1000", "--seed", "5", "-o", file.toString());
    assertThat(generated.exitCode()).as(generated.err()).isZero();
    long events =
        Long.parseLong(generated.out().split(" events")[0].split(", ")[1].replace(",", ""));

    CliRun imported =
        CliRun.of("import", file.toString(), "--data", dir.resolve("data").toString());

    assertThat(imported.exitCode()).as(imported.out()).isZero();
    assertThat(imported.out())
        .startsWith(String.format("%,d accepted, 0 duplicates, 0 rejected", events));
  }

  @Test
  void writesStraightIntoTheEventLogAndASecondRunStoresNothingNew() {
    Path data = dir.resolve("data");
    CliRun first = CliRun.of("generate", "--profiles", "800", "--data", data.toString());
    CliRun second = CliRun.of("generate", "--profiles", "800", "--data", data.toString());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("800 profiles")
        .contains(" 0 duplicates")
        .contains("events by channel:");
    String events = first.out().split(" events")[0].split(", ")[1];
    assertThat(second.out()).contains("(0 stored, " + events + " duplicates)");
    try (FileEventLog log = FileEventLog.open(data.resolve("eventlog"))) {
      assertThat(String.format("%,d", log.end())).isEqualTo(events);
    }
  }

  @Test
  void aBadEndIsUnusable() {
    CliRun run =
        CliRun.of(
            "generate", "--profiles", "1", "--end", "yesterday", "-o", dir.resolve("x").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE);
    assertThat(run.err()).contains("--end 'yesterday' is not an ISO-8601 instant");
  }
}
