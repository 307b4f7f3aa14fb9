package trailmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import trailmap.eventlog.EventLog;
import trailmap.eventlog.EventLogOptions;
import trailmap.eventlog.FileEventLog;
import trailmap.eventlog.MemoryEventLog;
import trailmap.importer.SharedData;

class ImportCommandTest {
  @TempDir Path dir;
  final MemoryEventLog log = new MemoryEventLog();
  final List<Path> opened = new ArrayList<>();
  final List<EventLogOptions> openedWith = new ArrayList<>();

  /** Runs {@code trailmap ARGS} with the data directory's log kept in memory. */
  CliRun trailmap(String... args) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            if (type == ImportCommand.class) {
              return type.cast(
                  new ImportCommand(
                      (logDir, options) -> {
                        opened.add(logDir);
                        openedWith.add(options);
                        return log.reopened();
                      }));
            }
            return CommandLine.defaultFactory().create(type);
          }
        };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new Trailmap(), factory);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }

  @Test
  void exitsZeroWithASummaryAndAgainWhenAReimportFindsOnlyDuplicates() {
    String xes = SharedData.file("running-example.xes").toString();
    Path data = dir.resolve("data");

    CliRun first = trailmap("import", xes, "--data", data.toString());
    CliRun second = trailmap("import", xes, "--data", data.toString());

    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).isEqualTo("48 accepted, 0 duplicates, 0 rejected\n");
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).isEqualTo("0 accepted, 48 duplicates, 0 rejected\n");
    assertThat(opened).containsOnly(data.resolve("eventlog"));
    assertThat(log.end()).isEqualTo(48);
  }

  @Test
  void exitsOneAndPrintsTheFirstTwentyRejectionsAndWritesAllToTheErrorsFile() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 30; i++) {
      lines.append(
          i % 6 == 0
              ? "{\"type\":\"track\",\"event\":\"ok\",\"userId\":\"u\",\"timestamp\":0}\n"
              : "{\"type\":\"track\",\"userId\":\"u\",\"timestamp\":0}\n");
    }
    Path file = Files.writeString(dir.resolve("half.jsonl"), lines.toString());
    Path errors = dir.resolve("errors.txt");

    CliRun run =
        trailmap(
            "import", file.toString(), "--data", dir.toString(), "--errors", errors.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    List<String> out = run.out().lines().toList();
    assertThat(out.getFirst()).isEqualTo("5 accepted, 0 duplicates, 25 rejected");
    assertThat(out.subList(1, 21))
        .allSatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "  half\\.jsonl:\\d+: a track call needs 'event' \\(the event's name\\)"));
    assertThat(out.get(1)).startsWith("  half.jsonl:1: ");
    assertThat(out.get(21)).isEqualTo("  … and 5 more (all in " + errors + ")");
    assertThat(out).hasSize(22);
    List<String> written = Files.readAllLines(errors, StandardCharsets.UTF_8);
    assertThat(written).hasSize(25);
    assertThat(written.getLast())
        .isEqualTo("half.jsonl:29: a track call needs 'event' (the event's name)");
    assertThat(log.end()).isEqualTo(5);
  }

  @Test
  void exitsTwoForInputThatCannotBeImportedAndImportsNothing() throws IOException {
    Path good = Files.writeString(dir.resolve("a.csv"), "customer_id,action,ts\nc,A,0\n");
    String data = dir.toString();

    CliRun missing = trailmap("import", dir.resolve("nope.jsonl").toString(), "--data", data);
    CliRun badMap =
        trailmap("import", good.toString(), "--data", data, "--map", "user=customer_id");
    CliRun wrongColumn =
        trailmap(
            "import",
            good.toString(),
            "--data",
            data,
            "--map",
            "userId=cust,event=action,timestamp=ts");
    CliRun unknownFormat =
        trailmap("import", good.toString(), "--data", data, "--format", "parquet");
    CliRun noTarget = trailmap("import", good.toString());
    CliRun urlWithoutKey = trailmap("import", good.toString(), "--url", "http://127.0.0.1:1");

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo("trailmap import: " + dir.resolve("nope.jsonl") + ": no such file\n");
    assertThat(badMap.exitCode()).isEqualTo(2);
    assertThat(badMap.err())
        .startsWith("trailmap import: --map 'user=customer_id': unknown field 'user'");
    assertThat(wrongColumn.exitCode()).isEqualTo(2);
    assertThat(wrongColumn.err())
        .contains("a.csv: --map userId=cust but the header has no column 'cust'");
    assertThat(unknownFormat.exitCode()).isEqualTo(2);
    assertThat(unknownFormat.err()).contains("--format parquet: use jsonl, csv or xes");
    assertThat(noTarget.exitCode()).isEqualTo(2);
    assertThat(noTarget.err()).contains("Missing required argument");
    assertThat(urlWithoutKey.exitCode()).isEqualTo(2);
    assertThat(urlWithoutKey.err()).contains("--write-key");
    assertThat(log.end()).isZero();
  }

  @Test
  void importsIntoTheRealEventLogOfADataDirectoryOnceAndInFileOrder() {
    String xes = SharedData.file("running-example.xes").toString();
    String csv = SharedData.file("ecom.csv.gz").toString();
    Path data = dir.resolve("data");

    CliRun first = CliRun.of("import", xes, csv, "--data", data.toString());
    CliRun again = CliRun.of("import", xes, csv, "--data", data.toString());

    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).isEqualTo("31,154 accepted, 0 duplicates, 0 rejected\n");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).isEqualTo("0 accepted, 31,154 duplicates, 0 rejected\n");
    try (FileEventLog stored = FileEventLog.open(data.resolve("eventlog"))) {
      assertThat(stored.end()).isEqualTo(31_154);
      List<EventLog.LogEntry> head = stored.read(0, 8);
      assertThat(head)
          .extracting(
              e -> e.event().name().orElse("(identify " + e.event().userId().orElseThrow() + ")"))
          .containsExactly(
              "(identify 3)",
              "register request",
              "examine casually",
              "check ticket",
              "decide",
              "reinitiate request",
              "examine thoroughly",
              "check ticket");
    }
  }

  @Test
  void opensTheLogWithTheDedupWindowOfTheServersConfig() throws IOException {
    String xes = SharedData.file("running-example.xes").toString();
    Path config = Files.writeString(dir.resolve("trailmap.yaml"), "dedupWindow: 30d\n");

    CliRun withConfig =
        trailmap("import", xes, "--data", dir.resolve("data").toString(), "--config", "" + config);
    CliRun without = trailmap("import", xes, "--data", dir.resolve("data").toString());

    assertThat(withConfig.exitCode()).isZero();
    assertThat(without.exitCode()).isZero();
    assertThat(openedWith)
        .extracting(EventLogOptions::dedupWindow)
        .containsExactly(Duration.ofDays(30), Duration.ofDays(7));
  }

  @Test
  void exitsTwoBeforeImportingAnythingWhenTheConfigsDedupWindowIsBad() throws IOException {
    Path config = Files.writeString(dir.resolve("trailmap.yaml"), "dedupWindow: 10m\n");

    CliRun run =
        trailmap(
            "import",
            SharedData.file("running-example.xes").toString(),
            "--data",
            dir.resolve("data").toString(),
            "--config",
            config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("trailmap import: " + config + ": dedupWindow: ")
        .contains("must be between 1h and 365d");
    assertThat(opened).isEmpty();
    assertThat(log.end()).isZero();
  }

  @Test
  void exitsTwoAndSaysToStopTheServerWhenItHoldsTheEventLog() {
    Path data = dir.resolve("data");
    try (FileEventLog held = FileEventLog.open(data.resolve("eventlog"))) {
      CliRun run =
          CliRun.of(
              "import",
              SharedData.file("running-example.xes").toString(),
              "--data",
              data.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .startsWith("trailmap import: ")
          .contains("already open")
          .endsWith("(an offline import needs the server stopped; or import with --url)\n");
      assertThat(held.end()).isZero();
    }
  }

  @Test
  void importsCsvWithAMapAndShowsPlainProgressOnStandardErrorWhenNotOnATerminal()
      throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("orders.csv"),
            "customer_id,action,ts,total\nc1,Order Completed,2024-03-13 10:00:00,\"1,200\"\n");

    CliRun run =
        trailmap(
            "import",
            file.toString(),
            "--data",
            dir.toString(),
            "--map",
            "userId=customer_id,event=action,timestamp=ts");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("1 accepted, 0 duplicates, 0 rejected\n");
    List<String> progress = run.err().lines().toList();
    assertThat(progress).allSatisfy(l -> assertThat(l).startsWith("import ").doesNotContain("\r"));
    assertThat(progress.getLast()).startsWith("import 100%").endsWith(" 1 records");
    assertThat(progress).doesNotHaveDuplicates();
    assertThat(log.events().getFirst().properties().text("total")).contains("1,200");
  }

  @Test
  void importsThroughTheApiAndExitsOneWhenTheKeyIsRefused() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/batch",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          boolean ok =
              exchange.getRequestHeaders().getFirst("Authorization").equals("Basic d2tfZ29vZDo=");
          byte[] body =
              (ok ? "{\"success\":true}" : "{\"status\":401}").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      String xes = SharedData.file("running-example.xes").toString();

      CliRun good = trailmap("import", xes, "--url", url, "--write-key", "wk_good");
      CliRun refused = trailmap("import", xes, "--url", url, "--write-key", "wk_bad");

      assertThat(good.exitCode()).isZero();
      assertThat(good.out()).isEqualTo("48 accepted, 0 duplicates, 0 rejected\n");
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.out())
          .contains(
              "stopped early: the server refused the write key (HTTP 401): check --write-key");
      assertThat(refused.out()).doesNotContain("wk_bad");
    } finally {
      server.stop(0);
    }
  }
}
