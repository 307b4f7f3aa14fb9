package trailmap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trailmap.eventlog.MemoryEventLog;
import trailmap.events.Event;

class ImportRunnerTest {
  static final ImportRunner.Options BY_EXTENSION =
      new ImportRunner.Options(Optional.empty(), ColumnMapping.none(), Optional.empty());

  @TempDir Path dir;

  @Test
  void importsIntoTheLogAndAReimportFindsOnlyDuplicates() {
    MemoryEventLog log = new MemoryEventLog();
    List<Path> files =
        List.of(SharedData.file("running-example.xes"), SharedData.file("ecom.csv.gz"));

    ImportSummary first = ImportRunner.toLog(log, BY_EXTENSION).run(files, ImportProgress.none());
    ImportSummary second =
        ImportRunner.toLog(log.reopened(), BY_EXTENSION).run(files, ImportProgress.none());

    assertThat(first.accepted()).isEqualTo(6 + 42 + 31_106);
    assertThat(first.duplicates()).isZero();
    assertThat(first.firstRejections()).isEmpty();
    assertThat(second.accepted()).isZero();
    assertThat(second.duplicates()).isEqualTo(first.accepted());
    assertThat(log.end()).isEqualTo(first.accepted());
    assertThat(log.closed()).isTrue();
  }

  @Test
  void appendsInFileOrderSoEqualTimestampsKeepTheirOrder() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < LogSink.BATCH + 10; i++) {
      lines
          .append("{\"type\":\"track\",\"event\":\"e")
          .append(i)
          .append("\",\"userId\":\"u\",\"timestamp\":\"2024-01-01T00:00:00Z\"}\n");
    }
    Path file = write("same-time.jsonl", lines.toString());
    MemoryEventLog log = new MemoryEventLog();

    ImportRunner.toLog(log, BY_EXTENSION).run(List.of(file), ImportProgress.none());

    assertThat(log.events()).hasSize(LogSink.BATCH + 10);
    for (int i = 0; i < log.events().size(); i++) {
      assertThat(log.events().get(i).name()).contains("e" + i);
    }
  }

  @Test
  void readsGzippedFilesOfEveryFormatByTheirMagicBytes() throws IOException {
    Path jsonl =
        gzip(
            "a.jsonl.gz",
            "{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\",\"timestamp\":0}\n");
    Path csv = gzip("b.csv.gz", "userId,event,timestamp\nu,B,0\n");
    Path xes = gzip("c.xes.gz", Files.readString(SharedData.file("running-example.xes")));
    MemoryEventLog log = new MemoryEventLog();

    ImportSummary summary =
        ImportRunner.toLog(log, BY_EXTENSION).run(List.of(jsonl, csv, xes), ImportProgress.none());

    assertThat(summary.firstRejections()).isEmpty();
    assertThat(log.events()).extracting(e -> e.name().orElse("-")).startsWith("A", "B");
    assertThat(summary.accepted()).isEqualTo(2 + 48);
  }

  @Test
  void collectsRejectionsOfEveryFileWithFileAndLineAndImportsTheRest() throws IOException {
    Path a =
        write(
            "a.jsonl",
            "{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\",\"timestamp\":0}\nnot json\n");
    Path b = write("b.csv", "userId,event,timestamp\nu,B,0\nu,,0\nu,C,0\n");
    MemoryEventLog log = new MemoryEventLog();

    ImportSummary summary =
        ImportRunner.toLog(log, BY_EXTENSION).run(List.of(a, b), ImportProgress.none());

    assertThat(summary.accepted()).isEqualTo(3);
    assertThat(summary.firstRejections())
        .extracting(Rejection::toString)
        .containsExactly(
            "a.jsonl:2: not valid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
            "b.csv:3: the event name is empty");
    assertThat(log.events()).extracting(Event::source).containsOnly("import");
  }

  @Test
  void rejectsAnEventTheLogRefusesAndStillAppendsTheRestOfItsBatch() throws IOException {
    Path file =
        write(
            "refused.jsonl",
            """
            {"type":"track","event":"A","userId":"u","timestamp":0}
            {"type":"track","event":"B","userId":"u","timestamp":0,"properties":{"tooLargeForTheLog":true}}
            {"type":"track","event":"C","userId":"u","timestamp":0}
            """);
    MemoryEventLog log = new MemoryEventLog();

    ImportSummary summary =
        ImportRunner.toLog(log, BY_EXTENSION).run(List.of(file), ImportProgress.none());

    assertThat(summary.accepted()).isEqualTo(2);
    assertThat(summary.firstRejections())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.toString())
                    .startsWith("refused.jsonl:2: the event log refused it: event ")
                    .endsWith(" is too large to store"));
    assertThat(log.events()).extracting(e -> e.name().orElseThrow()).containsExactly("A", "C");
  }

  @Test
  void checksEveryFileBeforeImportingAnything() throws IOException {
    Path good =
        write(
            "good.jsonl",
            "{\"type\":\"track\",\"event\":\"A\",\"userId\":\"u\",\"timestamp\":0}\n");
    Path noHeaderColumn = write("orders.csv", "customer,action\nc,A\n");
    Path unknown = write("notes.txt", "hello\n");
    MemoryEventLog log = new MemoryEventLog();
    ImportRunner runner = ImportRunner.toLog(log, BY_EXTENSION);

    assertThatThrownBy(() -> runner.run(List.of(good, unknown), ImportProgress.none()))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("notes.txt: cannot tell the format from the name");
    assertThatThrownBy(() -> runner.run(List.of(good, noHeaderColumn), ImportProgress.none()))
        .isInstanceOf(UnusableInputException.class)
        .hasMessage(
            "orders.csv: no column gives the timestamp; name it with --map timestamp=COLUMN (columns are customer, action)");
    assertThatThrownBy(
            () -> runner.run(List.of(good, dir.resolve("missing.jsonl")), ImportProgress.none()))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageEndingWith("missing.jsonl: no such readable file");
    assertThat(log.end()).isZero();
  }

  @Test
  void printsPlainProgressLinesWhenNotOnATerminal() throws IOException {
    Path file = SharedData.file("ecom.csv.gz");
    StringWriter err = new StringWriter();
    ImportProgress progress =
        ImportProgress.lines(Files.size(file), new PrintWriter(err, true), Duration.ofMillis(100));

    ImportRunner.toLog(new MemoryEventLog(), BY_EXTENSION).run(List.of(file), progress);

    List<String> lines = err.toString().lines().toList();
    assertThat(lines)
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).startsWith("import ").contains("%").doesNotContain("\r"));
    assertThat(lines.getLast()).startsWith("import 100%").contains("KB/s 31,106 records");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private Path gzip(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }
}
