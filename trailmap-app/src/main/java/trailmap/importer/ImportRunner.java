package trailmap.importer;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import trailmap.eventlog.EventLog;

/**
 * Imports files, one after another and each in file order, into an event log or through the HTTP
 * API. Usage:
 *
 * <pre>{@code
 * ImportRunner.Options options = new ImportRunner.Options(Optional.empty(), ColumnMapping.none(), "import");
 * ImportSummary summary = ImportRunner.toLog(log, options).run(List.of(file), ImportProgress.none());
 * }</pre>
 *
 * <p>All files are checked before anything is imported (they exist, their format is known, a CSV
 * header has the mapped columns); a problem there throws {@link UnusableInputException} and imports
 * nothing. After that a bad record is a rejection in the summary and never stops the import; only
 * the sink failing for good (the server refuses the key or keeps failing) ends it early, which the
 * summary says. Gzipped files are recognised by their magic bytes. Not thread-safe: one run at a
 * time.
 */
public final class ImportRunner {

  /**
   * How to read the files.
   *
   * @param format the format of every file; empty to go by each file's extension
   * @param mapping the CSV column mapping
   * @param channel the channel of events that name none; when empty, {@code import} offline and the
   *     source's default channel over HTTP
   */
  public record Options(
      Optional<ImportFormat> format, ColumnMapping mapping, Optional<String> channel) {}

  private final EventSink sink;
  private final Options options;
  private final String source;
  private final String channel;

  private ImportRunner(EventSink sink, Options options, String source, String defaultChannel) {
    this.sink = sink;
    this.options = options;
    this.source = source;
    this.channel = options.channel().orElse(defaultChannel);
  }

  /** Appends to {@code log} (offline import); the runner closes the log when the run ends. */
  public static ImportRunner toLog(EventLog log, Options options) {
    return new ImportRunner(new LogSink(log), options, "import", "import");
  }

  /**
   * Posts to {@code baseUrl/v1/batch} with the write key; 5xx answers and connection errors are
   * retried {@code attempts} times in all, backing off from {@code firstBackoff}.
   */
  public static ImportRunner toHttp(
      URI baseUrl, String writeKey, Options options, int attempts, Duration firstBackoff) {
    return new ImportRunner(
        new HttpSink(baseUrl, writeKey, attempts, firstBackoff), options, "", "");
  }

  /** {@link #run(List, ImportProgress, Consumer)} keeping only the summary's rejections. */
  public ImportSummary run(List<Path> files, ImportProgress progress) {
    return run(files, progress, r -> {});
  }

  /**
   * Checks every file, then imports them in order, handing each rejection to {@code onRejection} as
   * it happens (in file order).
   *
   * @throws UnusableInputException before importing anything, when a file cannot be imported
   */
  public ImportSummary run(
      List<Path> files, ImportProgress progress, Consumer<Rejection> onRejection) {
    List<EventReader> readers = new ArrayList<>();
    for (Path file : files) {
      readers.add(check(file));
    }
    Tally tally = new Tally(onRejection);
    Instant receivedAt = Instant.now();
    Optional<String> aborted = Optional.empty();
    long done = 0;
    try (sink;
        progress) {
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        String name = file.getFileName().toString();
        ReadContext context = new ReadContext(name, receivedAt, channel, source);
        try (CountingStream counted = new CountingStream(Files.newInputStream(file));
            InputStream in = decompressed(counted)) {
          long base = done;
          readers
              .get(i)
              .read(
                  in,
                  context,
                  item -> {
                    switch (item) {
                      case ReadItem.Parsed p -> {
                        tally.parsed++;
                        sink.add(p, name, tally);
                      }
                      case ReadItem.Rejected r -> tally.reject(name, r.line(), r.reason());
                    }
                    progress.update(base + counted.count(), tally.parsed + tally.rejected);
                  });
          done = base + counted.count();
        } catch (IOException | UnusableInputException e) {
          tally.reject(name, 0, "the file could not be read to its end: " + e.getMessage());
        }
      }
      sink.flush(tally);
    } catch (ImportAbortedException e) {
      aborted = Optional.of(e.getMessage());
    }
    return new ImportSummary(
        tally.accepted, tally.duplicates, tally.rejected, tally.firstRejections, aborted);
  }

  /** The reader for a file, after checking it can be imported. */
  private EventReader check(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UnusableInputException(file + ": no such readable file");
    }
    ImportFormat format =
        options
            .format()
            .or(() -> ImportFormat.detect(file))
            .orElseThrow(
                () ->
                    new UnusableInputException(
                        file
                            + ": cannot tell the format from the name; use .jsonl, .ndjson, .csv or .xes (optionally .gz), or --format"));
    return switch (format) {
      case JSONL -> new JsonLinesReader();
      case XES -> new XesReader();
      case CSV -> {
        checkCsvHeader(file);
        yield new CsvReader(options.mapping());
      }
    };
  }

  private void checkCsvHeader(Path file) {
    try (InputStream in = decompressed(new BufferedInputStream(Files.newInputStream(file)));
        var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
      Optional<CsvRecords.Record> header = new CsvRecords(reader).next();
      if (header.isEmpty() || header.get().problem().isPresent()) {
        throw new UnusableInputException(
            file + ": the first line must be a header row naming the columns");
      }
      options
          .mapping()
          .resolve(
              header.get().fields().stream().map(String::strip).toList(),
              file.getFileName().toString());
    } catch (IOException e) {
      throw new UnusableInputException(file + ": cannot be read: " + e.getMessage());
    }
  }

  /** The stream, gunzipped when it starts with gzip's magic bytes. */
  private static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b
        ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16)
        : in;
  }

  /** Counts the bytes read from the file, for progress. */
  private static final class CountingStream extends FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
