package trailmap.importer;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how far an import has got, measured in bytes of the input files as stored (compressed bytes
 * for {@code .gz}), with the count of records read: a redrawn bar with rate and ETA on a terminal,
 * a plain line every interval otherwise (logs and CI show progress without control characters), or
 * nothing.
 */
public sealed interface ImportProgress extends AutoCloseable {

  /** Called by the runner after each record: bytes read so far and records so far. */
  void update(long bytesRead, long records);

  @Override
  void close();

  /** Shows nothing. */
  static ImportProgress none() {
    return new Silent();
  }

  /** A bar on standard error when it is a terminal, else plain lines to {@code err} every 5 s. */
  static ImportProgress auto(long totalBytes, PrintWriter err) {
    return onTerminal()
        ? new Bar(
            builder(totalBytes, 250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .build())
        : lines(totalBytes, err, Duration.ofSeconds(5));
  }

  /** Plain progress lines to {@code err} every {@code every}, and one at the end. */
  static ImportProgress lines(long totalBytes, PrintWriter err, Duration every) {
    String[] last = {""};
    return new Bar(
        builder(totalBytes, (int) every.toMillis())
            .setConsumer(
                new DelegatingProgressBarConsumer(
                    line -> {
                      // closing renders the final state again; one line of it is enough
                      if (!line.strip().equals(last[0])) {
                        last[0] = line.strip();
                        err.println(last[0]);
                        err.flush();
                      }
                    },
                    100))
            .setStyle(ProgressBarStyle.ASCII)
            .build());
  }

  private static ProgressBarBuilder builder(long totalBytes, int intervalMillis) {
    return new ProgressBarBuilder()
        .setTaskName("import")
        .setInitialMax(Math.max(1, totalBytes))
        .setUnit(" KB", 1024)
        .setUpdateIntervalMillis(intervalMillis)
        .showSpeed();
  }

  /**
   * Whether standard input and output are a terminal. {@link System#console()} answers that on JDK
   * 21; from JDK 22 it may return a console that is not a terminal, and {@code isTerminal()} tells.
   */
  private static boolean onTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException jdk21) {
      return true;
    }
  }

  /** Shows nothing. */
  record Silent() implements ImportProgress {
    @Override
    public void update(long bytesRead, long records) {}

    @Override
    public void close() {}
  }

  /** A progress bar; renders on its own thread at its interval. */
  final class Bar implements ImportProgress {
    private final ProgressBar bar;
    private long lastRecords = -1;
    private long records;

    Bar(ProgressBar bar) {
      this.bar = bar;
    }

    @Override
    public void update(long bytesRead, long records) {
      bar.stepTo(bytesRead);
      this.records = records;
      if (records / 1000 != lastRecords / 1000) {
        bar.setExtraMessage(String.format(" %,d records", records));
        lastRecords = records;
      }
    }

    @Override
    public void close() {
      bar.setExtraMessage(String.format(" %,d records", records));
      bar.close();
    }
  }
}
