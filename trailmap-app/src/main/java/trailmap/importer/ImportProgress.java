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

  /**
   * What a progress display counts: the task's name, the total of the measured quantity with its
   * unit (and how many of the measured things one displayed unit is), and what the second count
   * (records) is called.
   */
  record Measure(String task, long total, String unit, long unitSize, String records) {
    /** An import: kilobytes of its files, and records. */
    static Measure bytes(long totalBytes) {
      return new Measure("import", totalBytes, " KB", 1024, "records");
    }
  }

  /** A bar on standard error when it is a terminal, else plain lines to {@code err} every 5 s. */
  static ImportProgress auto(long totalBytes, PrintWriter err) {
    return auto(Measure.bytes(totalBytes), err);
  }

  /** As {@link #auto(long, PrintWriter)}, counting what {@code measure} says. */
  static ImportProgress auto(Measure measure, PrintWriter err) {
    return onTerminal()
        ? new Bar(
            builder(measure, 250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .build(),
            measure.records())
        : lines(measure, err, Duration.ofSeconds(5));
  }

  /** Plain progress lines to {@code err} every {@code every}, and one at the end. */
  static ImportProgress lines(long totalBytes, PrintWriter err, Duration every) {
    return lines(Measure.bytes(totalBytes), err, every);
  }

  /** As {@link #lines(long, PrintWriter, Duration)}, counting what {@code measure} says. */
  static ImportProgress lines(Measure measure, PrintWriter err, Duration every) {
    String[] last = {""};
    return new Bar(
        builder(measure, (int) every.toMillis())
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
            .build(),
        measure.records());
  }

  private static ProgressBarBuilder builder(Measure measure, int intervalMillis) {
    return new ProgressBarBuilder()
        .setTaskName(measure.task())
        .setInitialMax(Math.max(1, measure.total()))
        .setUnit(measure.unit(), measure.unitSize())
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
    private final String label;
    private long lastRecords = -1;
    private long records;

    Bar(ProgressBar bar, String label) {
      this.bar = bar;
      this.label = " %,d " + label;
    }

    @Override
    public void update(long bytesRead, long records) {
      bar.stepTo(bytesRead);
      this.records = records;
      if (records / 1000 != lastRecords / 1000) {
        bar.setExtraMessage(String.format(label, records));
        lastRecords = records;
      }
    }

    @Override
    public void close() {
      bar.setExtraMessage(String.format(label, records));
      bar.close();
    }
  }
}
